package org.conversionkit.files;

import java.io.InputStream;
import java.nio.file.Path;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.validation.ValidationReport;

/**
 * The one-call check of a daily conversion file, with the defaults of {@code conversion-check validate}: CSV
 * or JSON detected by the extension, else by the content; gzip read transparently; the delimiter sniffed; the
 * rows held to the date in the file's name; at most 100 violations listed. The report is the command's for the
 * same file.
 *
 * <pre>{@code
 * ValidationReport report = ConversionFiles.check(Path.of("conversion-export-2020-09-22.csv"));
 * if (!report.valid()) {
 *     report.violations().forEach(v -> log.warn("line {}: {} {}", v.line(), v.code(), v.message()));
 * }
 * }</pre>
 *
 * <p>For other settings (a profile with field defaults or a column layout, a CRM feed, a format, limits), build
 * a {@link FileChecker} with {@link #checker()}.
 */
public final class ConversionFiles {

    private static final FileChecker DEFAULTS = FileChecker.builder().build();

    private ConversionFiles() {
    }

    /**
     * Checks a conversion file with the defaults ({@link ConversionProfile#DEFAULT}).
     *
     * @param path the file, plain or gzip-compressed
     * @return the report; a file that cannot be read gets one with a {@code FILE_UNREADABLE} error
     */
    public static ValidationReport check(Path path) {
        return DEFAULTS.check(path);
    }

    /**
     * Checks a named input, for example an upload under its file name, with the defaults: the name gives the
     * format (else the content does) and the date the rows are held to. The stream is read to its end and closed.
     *
     * @param name the input's file name, as a path or a bare name
     * @param in   the bytes, plain or gzip-compressed
     * @return the report; when reading fails part of the way, the records read before and a
     *         {@code FILE_UNREADABLE} error
     */
    public static ValidationReport check(String name, InputStream in) {
        return DEFAULTS.check(name, in);
    }

    /**
     * Returns a builder of a {@link FileChecker} with settings of its own.
     *
     * @return a new builder
     */
    public static FileChecker.Builder checker() {
        return FileChecker.builder();
    }
}
