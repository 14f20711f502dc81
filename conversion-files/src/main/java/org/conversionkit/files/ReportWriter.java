package org.conversionkit.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.conversionkit.files.internal.Printable;
import org.conversionkit.model.Severity;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.validation.DeliveryEntry;
import org.conversionkit.validation.DeliveryReport;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes reports as {@code conversion-check} prints them: {@link ReportFormat#TEXT} for people, and
 * {@link ReportFormat#JSON}, the stable machine form, described by the JSON Schema
 * {@value #JSON_SCHEMA_RESOURCE}.
 *
 * <pre>{@code
 * ReportWriter.of(ReportFormat.JSON).write(List.of(report), System.out);
 * }</pre>
 *
 * <p>The JSON report of files is <code>{"valid": …, "files": [ … ]}</code>: per file its name ({@code "-"} for an
 * input without one), format, delimiter, profile, date, verdict, counts, {@code truncated} and the listed
 * violations, each with code, severity, line, column, record, field, value and message. Text and JSON are
 * written in UTF-8, text lines end with the platform's line separator, and control and format characters of
 * names, values and messages are escaped as {@code \\uXXXX} in text (and a backslash followed by {@code u} as
 * {@code \\u005c}, so that every {@code \\u} shown is an escape), so that a crafted value cannot rewrite a
 * terminal's output. In text, a name that is not plain (empty, starting with {@code "}, or holding a blank or an
 * escaped character) is written in double quotes, as a JSON string, so that a file named
 * {@code x.csv: valid (csv)} cannot begin a line with a verdict that is not its own. A failed write is an
 * {@link IOException}: nothing is swallowed.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ReportWriter {

    /** The class-path resource of the JSON report's JSON Schema. */
    public static final String JSON_SCHEMA_RESOURCE = "/org/conversionkit/files/report.schema.json";

    private final ReportFormat format;
    private final String limitName;

    private ReportWriter(ReportFormat format, String limitName) {
        this.format = format;
        this.limitName = limitName;
    }

    /**
     * Returns the writer of a format. The text form names the setting that caps a report's list as
     * {@code maxViolations}.
     *
     * @param format the format
     * @return the writer
     */
    public static ReportWriter of(ReportFormat format) {
        return new ReportWriter(Objects.requireNonNull(format, "format"), "maxViolations");
    }

    /**
     * Returns this writer with another name for the setting that caps a report's list, which the text form
     * gives when a list is cut ({@code ... 12 more not listed (--max-violations 100)} on the command line).
     *
     * @param name the setting's name, e.g. {@code --max-violations}
     * @return the writer
     */
    public ReportWriter withLimitName(String name) {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("the limit's name must not be blank");
        }
        return new ReportWriter(format, name);
    }

    /**
     * Returns the format written.
     *
     * @return the format
     */
    public ReportFormat format() {
        return format;
    }

    /**
     * Writes the report of files, in UTF-8, and flushes.
     *
     * @param reports the reports, in order
     * @param out     the target; not closed
     * @throws IOException if writing fails
     */
    public void write(List<ValidationReport> reports, OutputStream out) throws IOException {
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(out, "out");
        if (format == ReportFormat.JSON) {
            json(out, json -> writeFiles(json, reports));
        } else {
            text(out, text -> writeFiles(text, reports));
        }
    }

    /**
     * Writes the report of files together with the delivery-set check of their names, in UTF-8, and flushes: what
     * {@code conversion-check validate --deliveries} prints. The JSON form is the files' report with a
     * {@code "deliveries"} key that holds the delivery report, and a top-level {@code "valid"} that is true when
     * both are; the text form is the files' report, then the delivery report.
     *
     * @param reports    the reports of the files, in order
     * @param deliveries the delivery-set check of their names
     * @param out        the target; not closed
     * @throws IOException if writing fails
     */
    public void write(List<ValidationReport> reports, DeliveryReport deliveries, OutputStream out)
            throws IOException {
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(out, "out");
        if (format == ReportFormat.JSON) {
            json(out, json -> writeFiles(json, reports, deliveries));
        } else {
            text(out, text -> {
                writeFiles(text, reports);
                writeDeliveries(text, deliveries);
            });
        }
    }

    /**
     * Writes the report of files to characters, and flushes.
     *
     * @param reports the reports, in order
     * @param out     the target; not closed
     * @throws IOException if writing fails
     */
    public void write(List<ValidationReport> reports, Writer out) throws IOException {
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(out, "out");
        if (format == ReportFormat.JSON) {
            json(out, json -> writeFiles(json, reports));
        } else {
            writeFiles(out, reports);
            out.flush();
        }
    }

    /**
     * Writes the report of a delivery set, in UTF-8, and flushes.
     *
     * @param report the delivery report
     * @param out    the target; not closed
     * @throws IOException if writing fails
     */
    public void write(DeliveryReport report, OutputStream out) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        if (format == ReportFormat.JSON) {
            json(out, json -> writeDeliveries(json, report));
        } else {
            text(out, text -> writeDeliveries(text, report));
        }
    }

    /**
     * Writes the report of a delivery set to characters, and flushes.
     *
     * @param report the delivery report
     * @param out    the target; not closed
     * @throws IOException if writing fails
     */
    public void write(DeliveryReport report, Writer out) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        if (format == ReportFormat.JSON) {
            json(out, json -> writeDeliveries(json, report));
        } else {
            writeDeliveries(out, report);
            out.flush();
        }
    }

    /** Writes with a generator; one per document. */
    @FunctionalInterface
    private interface JsonBody {
        void write(JsonGenerator json);
    }

    /** Writes to characters. */
    @FunctionalInterface
    private interface TextBody {
        void write(Writer text) throws IOException;
    }

    private static void json(OutputStream out, JsonBody body) throws IOException {
        try (JsonGenerator json = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            body.write(json);
        } catch (JacksonException e) {
            throw asIo(e);
        }
        out.write(System.lineSeparator().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void json(Writer out, JsonBody body) throws IOException {
        try (JsonGenerator json = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            body.write(json);
        } catch (JacksonException e) {
            throw asIo(e);
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    private static void text(OutputStream out, TextBody body) throws IOException {
        // Not closed: that would close the caller's stream.
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        body.write(text);
        text.flush();
    }

    private static IOException asIo(JacksonException e) {
        return e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }

    private static void writeFiles(JsonGenerator json, List<ValidationReport> reports) {
        writeFiles(json, reports, null);
    }

    private static void writeFiles(JsonGenerator json, List<ValidationReport> reports,
            @Nullable DeliveryReport deliveries) {
        boolean valid = deliveries == null || deliveries.valid();
        for (ValidationReport report : reports) {
            valid &= report.valid();
        }
        json.writeStartObject();
        json.writeBooleanProperty("valid", valid);
        json.writeArrayPropertyStart("files");
        for (ValidationReport report : reports) {
            json.writeStartObject();
            json.writeStringProperty("file", report.file());
            json.writeStringProperty("format", report.format());
            json.writeStringProperty("delimiter", report.delimiter());
            json.writeStringProperty("profile", report.profile().label());
            json.writeStringProperty("date", text(report.date()));
            json.writeBooleanProperty("valid", report.valid());
            json.writeNumberProperty("records", report.records());
            json.writeNumberProperty("validRecords", report.validRecords());
            json.writeNumberProperty("invalidRecords", report.invalidRecords());
            json.writeNumberProperty("blankLines", report.blankLines());
            json.writeNumberProperty("errors", report.errors());
            json.writeNumberProperty("warnings", report.warnings());
            json.writeBooleanProperty("truncated", report.truncated());
            writeViolations(json, report.violations());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (deliveries != null) {
            json.writeName("deliveries");
            writeDeliveries(json, deliveries);
        }
        json.writeEndObject();
    }

    private static void writeDeliveries(JsonGenerator json, DeliveryReport report) {
        json.writeStartObject();
        json.writeBooleanProperty("valid", report.valid());
        json.writeArrayPropertyStart("files");
        for (DeliveryEntry entry : report.entries()) {
            json.writeStartObject();
            json.writeStringProperty("file", entry.file());
            json.writeStringProperty("date", text(entry.date()));
            json.writeBooleanProperty("valid", entry.valid());
            json.writeNumberProperty("errors", entry.errors());
            json.writeNumberProperty("warnings", entry.warnings());
            json.writeBooleanProperty("truncated", entry.errors() + entry.warnings() > entry.violations().size());
            writeViolations(json, entry.violations());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeViolations(JsonGenerator json, List<Violation> violations) {
        json.writeArrayPropertyStart("violations");
        for (Violation violation : violations) {
            json.writeStartObject();
            json.writeStringProperty("code", violation.code().name());
            json.writeStringProperty("severity", violation.severity().label());
            json.writeNumberProperty("line", violation.line());
            json.writeNumberProperty("column", violation.column());
            json.writeNumberProperty("record", violation.record());
            json.writeStringProperty("field", violation.field());
            json.writeStringProperty("value", violation.value());
            json.writeStringProperty("message", violation.message());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Writes, per file, its verdict, its counts, then one line per listed violation. */
    private void writeFiles(Writer out, List<ValidationReport> reports) throws IOException {
        String newline = System.lineSeparator();
        long valid = 0;
        for (ValidationReport report : reports) {
            if (report.valid()) {
                valid++;
            }
            StringBuilder head = new StringBuilder(Printable.name(report.file())).append(": ")
                    .append(report.valid() ? "valid" : "INVALID").append(" (")
                    .append(report.format() == null ? "format unknown" : report.format());
            String delimiter = report.delimiter();
            if (delimiter != null) {
                head.append(", delimiter ").append(describeDelimiter(delimiter));
            }
            head.append(", ").append(report.profile().label());
            if (report.date() != null) {
                head.append(", date ").append(report.date());
            }
            out.write(head.append(')').append(newline).toString());
            out.write("  " + report.records() + plural(" record", report.records()) + ": " + report.validRecords()
                    + " valid, " + report.invalidRecords() + " invalid; " + report.blankLines()
                    + plural(" blank line", report.blankLines()) + "; " + report.errors()
                    + plural(" error", report.errors()) + ", " + report.warnings()
                    + plural(" warning", report.warnings()) + newline);
            for (Violation violation : report.violations()) {
                out.write("  " + violationLine(violation) + newline);
            }
            writeNotListed(out, report.errors() + report.warnings(), report.violations().size(),
                    cap(report.violations()));
        }
        if (reports.size() > 1) {
            out.write(reports.size() + " files: " + valid + " valid, " + (reports.size() - valid) + " invalid"
                    + newline);
        }
    }

    /** Writes, per name, its verdict and date, then one line per violation. */
    private void writeDeliveries(Writer out, DeliveryReport report) throws IOException {
        String newline = System.lineSeparator();
        for (DeliveryEntry entry : report.entries()) {
            out.write(Printable.name(entry.file()) + ": " + (entry.valid() ? "valid" : "INVALID")
                    + (entry.date() == null ? "" : " (date " + entry.date() + ")") + newline);
            for (Violation violation : entry.violations()) {
                out.write("  " + violationLine(violation) + newline);
            }
            writeNotListed(out, entry.errors() + entry.warnings(), entry.violations().size(),
                    entry.violations().size());
        }
        out.write(report.entries().size() + plural(" file", report.entries().size()) + ": "
                + (report.valid() ? "the delivery set is valid" : "the delivery set is INVALID") + newline);
    }

    /** Says how many violations a cut list leaves out, and the cap that cut it. */
    private void writeNotListed(Writer out, long found, long listed, long cap) throws IOException {
        if (found > listed) {
            out.write("  ... " + (found - listed) + " more not listed (" + limitName + " " + cap + ")"
                    + System.lineSeparator());
        }
    }

    /**
     * Returns the cap of a cut list of a file: a list is cut only when full, and a reading that failed part of the
     * way is listed even then ({@code FILE_UNREADABLE}, past the cap), so the cap is the length of the rest.
     */
    private static long cap(List<Violation> listed) {
        long cap = 0;
        for (Violation violation : listed) {
            if (violation.code() != ViolationCode.FILE_UNREADABLE) {
                cap++;
            }
        }
        return cap;
    }

    /**
     * Returns the line the text report gives a violation, without its indent and line separator:
     * {@code line 3, record 3: URL_RELATIVE [url] MESSAGE}, with {@code (warning)} after the code of a warning and
     * no location for a file-level violation; control and format characters escaped as in the report.
     *
     * @param violation the violation
     * @return its line in the text report
     */
    public static String textLine(Violation violation) {
        return violationLine(Objects.requireNonNull(violation, "violation"));
    }

    private static String violationLine(Violation violation) {
        StringBuilder line = new StringBuilder();
        if (violation.line() > 0) {
            line.append("line ").append(violation.line()).append(", record ").append(violation.record()).append(": ");
        }
        line.append(violation.code().name());
        if (violation.severity() == Severity.WARNING) {
            line.append(" (warning)");
        }
        if (violation.field() != null) {
            line.append(" [").append(violation.field()).append(']');
        }
        line.append(' ').append(violation.message());
        return Printable.of(line.toString());
    }

    private static String describeDelimiter(String delimiter) {
        return switch (delimiter) {
            case "\t" -> "tab";
            case "|" -> "pipe";
            default -> "'" + Printable.of(delimiter) + "'";
        };
    }

    private static String plural(String noun, long count) {
        return count == 1 ? noun : noun + "s";
    }

    private static @Nullable String text(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** The JSON factory, built on first use: writing a text report does not load Jackson at all. */
    private static final class Json {

        static final JsonFactory FACTORY = JsonFactory.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();

        private Json() {
        }
    }
}
