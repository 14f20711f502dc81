package org.conversionkit.cli.internal;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import org.conversionkit.model.Severity;
import org.conversionkit.model.Violation;
import org.conversionkit.validation.DeliveryEntry;
import org.conversionkit.validation.DeliveryReport;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes reports: JSON with jackson-core's generator (the stable contract of the design document),
 * and text a person reads at a glance.
 */
final class Reports {

    private Reports() {
    }

    /** The JSON factory, built on first use: a text report does not load Jackson at all. */
    private static final class Json {

        static final JsonFactory FACTORY = JsonFactory.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();

        private Json() {
        }
    }

    /** Writes {@code {"valid": …, "files": [ … ]}} and a line break. */
    static void writeJson(List<ValidationReport> reports, PrintStream out) {
        try (JsonGenerator json = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeBooleanProperty("valid", reports.stream().allMatch(ValidationReport::valid));
            json.writeArrayPropertyStart("files");
            for (ValidationReport report : reports) {
                json.writeStartObject();
                json.writeStringProperty("file", report.file() == null ? Inputs.STDIN : report.file());
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
            json.writeEndObject();
        }
        out.println();
        out.flush();
    }

    /** Writes {@code {"valid": …, "files": [ … ]}} for a delivery set, one entry per name. */
    static void writeJson(DeliveryReport report, PrintStream out) {
        try (JsonGenerator json = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
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
                json.writeBooleanProperty("truncated", false);
                writeViolations(json, entry.violations());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
        out.flush();
    }

    private static void writeViolations(JsonGenerator json, List<Violation> violations) {
        json.writeArrayPropertyStart("violations");
        for (Violation violation : violations) {
            json.writeStartObject();
            json.writeStringProperty("code", violation.code().name());
            json.writeStringProperty("severity", violation.severity().label());
            json.writeNumberProperty("line", violation.line());
            json.writeNumberProperty("record", violation.record());
            json.writeStringProperty("field", violation.field());
            json.writeStringProperty("value", violation.value());
            json.writeStringProperty("message", violation.message());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Writes, per file, its verdict, its counts, then one line per listed violation. */
    static void writeText(List<ValidationReport> reports, int maxViolations, PrintStream out) {
        long valid = 0;
        for (ValidationReport report : reports) {
            if (report.valid()) {
                valid++;
            }
            String file = report.file() == null ? "(standard input)" : report.file();
            StringBuilder head = new StringBuilder(Text.printable(file)).append(": ")
                    .append(report.valid() ? "valid" : "INVALID").append(" (").append(report.format());
            if (report.delimiter() != null) {
                head.append(", delimiter ").append(describeDelimiter(report.delimiter()));
            }
            head.append(", ").append(report.profile().label());
            if (report.date() != null) {
                head.append(", date ").append(report.date());
            }
            out.println(head.append(')'));
            out.println("  " + report.records() + plural(" record", report.records()) + ": " + report.validRecords()
                    + " valid, " + report.invalidRecords() + " invalid; " + report.blankLines()
                    + plural(" blank line", report.blankLines()) + "; " + report.errors()
                    + plural(" error", report.errors()) + ", " + report.warnings()
                    + plural(" warning", report.warnings()));
            for (Violation violation : report.violations()) {
                out.println("  " + violationLine(violation));
            }
            long listed = report.violations().size();
            long found = report.errors() + report.warnings();
            if (report.truncated() && found > listed) {
                out.println("  ... " + (found - listed) + " more not listed (--max-violations " + maxViolations + ")");
            }
        }
        if (reports.size() > 1) {
            out.println(reports.size() + " files: " + valid + " valid, " + (reports.size() - valid) + " invalid");
        }
        out.flush();
    }

    /** Writes, per name, its verdict and date, then one line per violation. */
    static void writeText(DeliveryReport report, PrintStream out) {
        for (DeliveryEntry entry : report.entries()) {
            out.println(Text.printable(entry.file()) + ": " + (entry.valid() ? "valid" : "INVALID")
                    + (entry.date() == null ? "" : " (date " + entry.date() + ")"));
            for (Violation violation : entry.violations()) {
                out.println("  " + violationLine(violation));
            }
        }
        out.println(report.entries().size() + plural(" file", report.entries().size()) + ": "
                + (report.valid() ? "the delivery set is valid" : "the delivery set is INVALID"));
        out.flush();
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
        return Text.printable(line.toString());
    }

    private static String describeDelimiter(String delimiter) {
        return switch (delimiter) {
            case "\t" -> "tab";
            case "|" -> "pipe";
            default -> "'" + Text.printable(delimiter) + "'";
        };
    }

    private static String plural(String noun, long count) {
        return count == 1 ? noun : noun + "s";
    }

    private static @Nullable String text(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }
}
