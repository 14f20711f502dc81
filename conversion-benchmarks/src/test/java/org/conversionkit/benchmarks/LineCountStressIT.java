package org.conversionkit.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.json.CrmFeedReader;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;

/**
 * NDJSON of more than 2^31 lines (issue 16, item 10), generated as it is read (2 GiB of line breaks, no file): the
 * records after line 2,147,483,647, where jackson-core's {@code int} line counter wraps, keep their lines, for
 * conversion rows (the parser's lines read past the wrap) and a CRM feed (lines counted by its reader) alike, in
 * {@code -Xmx64m}. Runs only in the {@code stress} profile: {@code ./mvnw -B -Pstress -pl conversion-benchmarks -am
 * verify}.
 */
class LineCountStressIT {

    /** The blank lines between the first record and the rest: the next line is 2,147,483,647, the last int. */
    private static final long BLANK = (1L << 31) - 3;
    private static final long AFTER = BLANK + 2;

    private static final String ROW = "{\"url\":\"https://domain.tld/a%d\",\"date\":\"2020-09-22\"}\n";
    private static final String ORDER = "{\"orderId\":\"N%d\",\"createdAt\":\"2020-01-10\",\"updatedAt\":\"2020-01-15\"}\n";

    /** A record, {@link #BLANK} line breaks, then the other lines, made as they are read. */
    private static InputStream generated(String first, String rest) {
        byte[] head = first.getBytes(UTF_8);
        byte[] tail = rest.getBytes(UTF_8);
        return new InputStream() {
            private long at;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                long total = head.length + BLANK + tail.length;
                if (at >= total) {
                    return -1;
                }
                int n;
                if (at < head.length) {
                    n = Math.min(length, head.length - (int) at);
                    System.arraycopy(head, (int) at, buffer, offset, n);
                } else if (at < head.length + BLANK) {
                    n = (int) Math.min(length, head.length + BLANK - at);
                    Arrays.fill(buffer, offset, offset + n, (byte) '\n');
                } else {
                    int from = (int) (at - head.length - BLANK);
                    n = Math.min(length, tail.length - from);
                    System.arraycopy(tail, from, buffer, offset, n);
                }
                at += n;
                return n;
            }
        };
    }

    private static List<String> located(ValidationReport report) {
        return report.violations().stream().map(LineCountStressIT::located).toList();
    }

    private static String located(Violation violation) {
        return violation.code() + "@" + violation.line() + ":" + violation.column() + " #" + violation.record();
    }

    @Test
    void conversionRowsPast2To31Lines() {
        String rest = String.format(ROW, 2) + String.format(ROW, 3) + String.format(ROW, 4).replace("-22", "-21")
                + String.format(ROW, 5) + "{\"url\" 1}\n" + String.format(ROW, 6);
        ValidationReport report;
        try (RecordSource source = ConversionJsonReader.builder().source("conversion-export-2020-09-22.ndjson",
                generated(String.format(ROW, 1), rest))) {
            report = ConversionValidator.builder().build().validate(source);
        }
        // The syntax error ends the reading: the row after it is not read.
        assertThat(located(report)).containsExactly("DATE_MISMATCH@" + (AFTER + 2) + ":0 #4",
                "MALFORMED_JSON@" + (AFTER + 4) + ":8 #6");
        assertThat(report.records()).isEqualTo(6);
        assertThat(report.blankLines()).isEqualTo(BLANK);
    }

    @Test
    void aCrmFeedPast2To31Lines() {
        String rest = String.format(ORDER, 2) + String.format(ORDER, 3) + "{'orderId': 'N4'}\n"
                + String.format(ORDER, 5) + "{\"orderId\" 1}\n" + String.format(ORDER, 6);
        ValidationReport report;
        try (RecordSource source = CrmFeedReader.builder().source(generated(String.format(ORDER, 1), rest))) {
            report = FeedValidator.builder().build().validate(source);
        }
        // Lines are independent: reading goes on after each bad one.
        assertThat(located(report)).containsExactly("NOT_NDJSON@" + (AFTER + 2) + ":2 #4",
                "MALFORMED_JSON@" + (AFTER + 4) + ":12 #6");
        assertThat(report.records()).isEqualTo(7);
        assertThat(report.validRecords()).isEqualTo(5);
        assertThat(report.blankLines()).isEqualTo(BLANK);
    }
}
