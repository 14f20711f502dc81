package org.conversionkit.test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.conversionkit.files.ReportFormat;
import org.conversionkit.files.ReportWriter;
import org.conversionkit.model.Violation;
import org.conversionkit.validation.ValidationReport;

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

    /** {@code 1 error}, {@code 2 errors}. */
    static String count(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }

    private static String strip(String text) {
        return text.endsWith(NEWLINE) ? text.substring(0, text.length() - NEWLINE.length()) : text;
    }
}
