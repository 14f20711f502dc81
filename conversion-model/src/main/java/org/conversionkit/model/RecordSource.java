package org.conversionkit.model;

import java.io.Closeable;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stream of raw records from one input, read one at a time: what a reader hands to a validator.
 *
 * <p>Bad data never makes {@link #next()} throw: it becomes a violation of the record it is in.
 * After a violation that ends reading ({@code MALFORMED_CSV}, {@code MALFORMED_JSON},
 * {@code ENCODING}, or a limit that cannot be recovered from), {@code next()} returns {@code null}.
 * Only a failure of the input itself (a disk error) surfaces, as an
 * {@link java.io.UncheckedIOException}.
 *
 * <p>A source knows the {@link FileProfile} it was built with, which decides how its records are mapped
 * and checked, and the name of its input, if it has one: a validator takes both from the source, so that
 * the reader and the validator of one file cannot disagree. Nothing is read before the first
 * {@link #next()}.
 */
public interface RecordSource extends Closeable {

    /**
     * Reads the next record.
     *
     * @return the record, or {@code null} at the end of the input
     * @throws java.io.UncheckedIOException if the input cannot be read
     */
    @Nullable RawRecord next();

    /**
     * Returns the profile the source was built with: its records hold the profile's fields, and a validator
     * checks them by it.
     *
     * @return the profile
     */
    FileProfile profile();

    /**
     * Returns the name of the input as given (a file's path), whose name rules and date apply to a conversion
     * file.
     *
     * @return the name, or empty for an input without one (a stream, standard input)
     */
    Optional<String> name();

    /**
     * Returns the number of blank (empty or white-space-only) lines skipped so far.
     *
     * @return the blank lines read; 0 for formats that do not count them
     */
    long blankLines();

    /**
     * Returns the name of the input's format, as reports give it.
     *
     * @return {@code "csv"} or {@code "json"}
     */
    String format();

    /**
     * Returns the field delimiter of a CSV input, given or sniffed.
     *
     * @return the delimiter as a one-character string ({@code "\t"} for tab), or empty for other formats
     */
    default Optional<String> delimiter() {
        return Optional.empty();
    }

    /**
     * Closes the input.
     *
     * @throws java.io.UncheckedIOException if closing fails
     */
    @Override
    void close();
}
