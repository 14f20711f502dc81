package org.conversionkit.validation.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.conversionkit.model.Profile;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.model.internal.DayFile;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;

/**
 * The life of one file a writer produces, whatever its format: the temporary file, the gate that checks rows,
 * and the states open, finished, closed and failed. A failure anywhere discards the temporary file; only
 * {@link #finish(Closeable, Violation)} publishes it. Not thread-safe: one per writer.
 */
public final class ExportSession {

    private final DayFile file;
    private final WriteGate gate;
    private final boolean gzip;
    private final String format;
    private final @Nullable String delimiter;
    private final Profile profile;
    private final @Nullable LocalDate date;
    private State state = State.OPEN;

    private enum State { OPEN, FAILED, FINISHED, CLOSED }

    private ExportSession(DayFile file, WriteGate gate, boolean gzip, String format, @Nullable String delimiter,
            Profile profile,
            @Nullable LocalDate date) {
        this.file = file;
        this.gate = gate;
        this.gzip = gzip;
        this.format = format;
        this.delimiter = delimiter;
        this.profile = profile;
        this.date = date;
    }

    /**
     * Opens the temporary file of a day's export.
     *
     * @param settings   where the file goes and what a bad row does
     * @param strictness whether warnings count as errors
     * @param format     {@code "csv"} or {@code "json"}, for the reports
     * @param delimiter  the CSV delimiter, or {@code null}
     * @return the session
     * @throws IOException if the folder holds a file of that day already, or cannot be written
     */
    public static ExportSession open(Settings settings, Strictness strictness, String format,
            @Nullable String delimiter) throws IOException {
        DayFile file = DayFile.open(settings.folder(), settings.prefix(), settings.day(),
                settings.gzip() ? settings.extension() + ".gz" : settings.extension(), settings.replace());
        return new ExportSession(file, new WriteGate(settings.policy(), strictness, settings.maxViolations()),
                settings.gzip(), format, delimiter, Profile.CONVERSIONS, settings.day());
    }

    /**
     * Where a day's export goes, and what a row with an error does.
     *
     * @param folder        the folder
     * @param prefix        the name's text before the date
     * @param day           the day
     * @param extension     the extension without its dot, before any {@code .gz}
     * @param gzip          whether the file is compressed
     * @param replace       whether an existing file of the same name may be replaced
     * @param policy        what a row with an error does
     * @param maxViolations how many violations each report lists
     */
    public record Settings(Path folder, String prefix, LocalDate day, String extension, boolean gzip,
            boolean replace, WritePolicy policy, int maxViolations) {

        /**
         * Checks the arguments.
         *
         * @param folder the folder
         * @param prefix the name's text before the date
         * @param day the day
         * @param extension the extension without its dot, before any {@code .gz}
         * @param gzip whether the file is compressed
         * @param replace whether an existing file of the same name may be replaced
         * @param policy what a row with an error does
         * @param maxViolations how many violations each report lists
         */
        public Settings {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(extension, "extension");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /**
     * Returns the stream the writer writes the file's bytes to.
     *
     * @param decorator wraps the file's stream first (tests make the disk fail with it)
     * @return the stream
     * @throws IOException if the gzip header cannot be written; the temporary file is then removed
     */
    public OutputStream stream(UnaryOperator<OutputStream> decorator) throws IOException {
        try {
            OutputStream out = decorator.apply(file.out());
            return gzip ? new GZIPOutputStream(out, 1 << 16) : out;
        } catch (IOException | RuntimeException e) {
            file.discard();
            state = State.FAILED;
            throw e;
        }
    }

    /**
     * Returns the gate that checks the file's rows.
     *
     * @return the gate
     */
    public WriteGate gate() {
        return gate;
    }

    /**
     * Refuses to go on unless the session is open.
     *
     * @throws IllegalStateException once finished, closed or failed
     */
    public void checkOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the writer is " + state.name().toLowerCase(Locale.ROOT)
                    + ": write to a new one");
        }
    }

    /**
     * Ends the session after a failure: closes the writer's stream, discards the file.
     *
     * @param out the writer's stream
     */
    public void fail(Closeable out) {
        state = State.FAILED;
        try {
            out.close();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Discarded next: nothing written is kept.
        }
        file.discard();
    }

    /**
     * Finishes the file: the file-level check of an empty file, closing the writer's stream, publishing.
     *
     * @param out   the writer's stream
     * @param empty the warning of a file without rows
     * @return the report of what was written
     * @throws IOException if the file cannot be completed or published; nothing is published
     */
    public ValidationReport finish(Closeable out, Violation empty) throws IOException {
        checkOpen();
        try {
            if (gate.records() == 0) {
                gate.fileViolation(empty);
            }
            out.close();
            file.commit();
        } catch (IOException | RuntimeException e) {
            fail(out);
            throw e;
        }
        state = State.FINISHED;
        return report();
    }

    /**
     * Closes the session: without a finished file, discards it.
     *
     * @param out the writer's stream
     */
    public void close(Closeable out) {
        if (state == State.OPEN) {
            fail(out);
        }
        if (state != State.FINISHED) {
            state = State.CLOSED;
        }
    }

    /**
     * Returns the report of what was written so far.
     *
     * @return the report, named by the file's final path
     */
    public ValidationReport report() {
        return gate.report(file.target().toString(), format, delimiter, profile, date);
    }

    /**
     * Returns the report of the rows left out.
     *
     * @return the report
     */
    public ValidationReport leftOut() {
        return gate.leftOutReport(file.target().toString(), format, delimiter, profile, date);
    }

    /**
     * Returns the file's final path.
     *
     * @return the path
     */
    public Path path() {
        return file.target();
    }
}
