package org.conversionkit.test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.conversionkit.files.ReportFormat;
import org.conversionkit.files.ReportWriter;
import org.conversionkit.model.Severity;
import org.conversionkit.model.Violation;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;

/** The texts of the assertions' failure messages, written by the command line's own report writer. */
final class Reports {

    static final String NEWLINE = System.lineSeparator();

    private static final ReportWriter TEXT = ReportWriter.of(ReportFormat.TEXT);

    private Reports() {
    }

    /** The report as {@code conversion-check validate} prints it, without the last line separator. */
    static String text(ValidationReport report) {
        StringWriter out = new StringWriter();
        try {
            TEXT.write(List.of(report), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return strip(out.toString());
    }

    /** The violations, one a line as the text report lists them, indented as there. */
    static String lines(List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        for (Violation violation : violations) {
            if (text.length() > 0) {
                text.append(NEWLINE);
            }
            text.append("  ").append(ReportWriter.textLine(violation));
        }
        return text.toString();
    }

    /** The next assertion of a chain, with the description ({@code as(...)}) of the one before. */
    static <A extends AbstractAssert<A, ?>> A describedLike(AbstractAssert<?, ?> before, A next) {
        return before.info.hasDescription() ? next.describedAs(before.info.description()) : next;
    }

    /**
     * How many violations the report counts and does not list, of a severity or, for {@code null}, of any: those that
     * the list cannot speak for. A report keeps no count per code, so its counts of errors and warnings are all that
     * can say that none is left unlisted.
     */
    static long unlisted(ValidationReport report, @Nullable Severity severity) {
        long unlisted = report.errors() + report.warnings() - report.violations().size();
        if (unlisted <= 0 || severity == null) {
            return Math.max(0, unlisted);
        }
        long listed = 0;
        for (Violation violation : report.violations()) {
            if (violation.severity() == severity) {
                listed++;
            }
        }
        long ofSeverity = (severity == Severity.ERROR ? report.errors() : report.warnings()) - listed;
        // A report made by hand may list more of a severity than it counts: then only the total says anything.
        return ofSeverity < 0 || ofSeverity > unlisted ? unlisted : ofSeverity;
    }

    /**
     * Why the list cannot answer: the report is truncated, {@code unlisted} violations ({@link #unlisted}) may be the
     * one asked about, and how to have them all listed.
     */
    static String truncated(ValidationReport report, long unlisted, @Nullable Severity severity) {
        long found = report.errors() + report.warnings();
        return "the report is truncated: it lists " + report.violations().size() + " of its "
                + count(found, "violation") + " (" + count(report.errors(), "error") + ", "
                + count(report.warnings(), "warning") + "), and the "
                + (severity == null ? String.valueOf(unlisted) : count(unlisted, severity.label()))
                + " not listed may hold one; raise maxViolations to " + found + " or more where the report is made"
                + " (the builders of FileChecker, ConversionValidator, FeedValidator and the writers; conversion-check"
                + " --max-violations) to have every violation listed";
    }

    /** {@code 1 error}, {@code 2 errors}. */
    static String count(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }

    private static String strip(String text) {
        return text.endsWith(NEWLINE) ? text.substring(0, text.length() - NEWLINE.length()) : text;
    }
}
