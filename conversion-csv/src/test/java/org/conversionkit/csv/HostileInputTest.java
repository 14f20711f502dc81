package org.conversionkit.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.conversionkit.model.ConversionMapper;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs built to break a reader: huge fields, endless quotes, thousands of delimiters, random bytes. Each must
 * end in violations or records, never in an {@link OutOfMemoryError}, a hang or a foreign exception, and
 * reading must stay bounded.
 */
class HostileInputTest {

    private static final String ROW = "https://domain.tld/p,2020-09-22,organic,1,10.0\n";
    private static final long MB = 1024 * 1024;

    /** Streams a head, then {@code size} bytes of one value, then a tail, counting what is read. */
    static final class GeneratedStream extends InputStream {
        private final byte[] head;
        private final byte fill;
        private final long size;
        private final byte[] tail;
        private long position;
        private boolean closed;

        GeneratedStream(String head, char fill, long size, String tail) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.fill = (byte) fill;
            this.size = size;
            this.tail = tail.getBytes(StandardCharsets.UTF_8);
        }

        long total() {
            return head.length + size + tail.length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= total()) {
                return -1;
            }
            int count = (int) Math.min(length, total() - position);
            for (int i = 0; i < count; i++) {
                long at = position + i;
                target[offset + i] = at < head.length ? head[(int) at]
                        : at < head.length + size ? fill : tail[(int) (at - head.length - size)];
            }
            position += count;
            return count;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static List<RawRecord> readAll(RecordSource source) {
        List<RawRecord> records = new ArrayList<>();
        RawRecord record;
        while ((record = source.next()) != null) {
            records.add(record);
        }
        return records;
    }

    private static ViolationCode onlyCode(RawRecord record) {
        assertThat(record.violations()).hasSize(1);
        return record.violations().get(0).code();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "https://domain.tld/p,2020-09-22,", "\"a\",\"b\"\"c\",d"})
    void hundredMegabyteFieldWithoutNewlineIsRejectedAfterReadingAFraction(String head) {
        GeneratedStream in = new GeneratedStream(head, 'a', 100 * MB, "");
        try (RecordSource source = ConversionCsvReader.builder().delimiter(',').source(in)) {
            List<RawRecord> records = readAll(source);
            assertThat(records).hasSize(1);
            RawRecord record = records.get(0);
            assertThat(record.line()).isEqualTo(1);
            assertThat(record.record()).isEqualTo(1);
            assertThat(onlyCode(record)).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
            assertThat(record.violations().get(0).message()).contains("the limit maxFieldSize is 65,536");
        }
        assertThat(in.position).as("bytes read").isLessThan(MB);
        assertThat(in.closed).isTrue();
    }

    /** An open quote after a head ({@code ~} for LF, {@code ^} for CR), then 100 MB and the end of the input. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            '"'          | 1 | 1
            'a,"'        | 1 | 1
            'a,b,"x""y'  | 1 | 1
            '"a""b","'   | 1 | 1
            'a~"'        | 2 | 2
            'a^~"'       | 2 | 2
            'a^"'        | 2 | 2
            'a,"b,c,d~e' | 1 | 1
            'a,"b~c",d,"e~f' | 1 | 2
            """)
    void hundredMegabytesInAnOpenQuoteAreMalformedAtTheQuotesLine(String text, long recordLine, long quoteLine) {
        String head = text.replace('~', '\n').replace('^', '\r');
        GeneratedStream in = new GeneratedStream(head, 'a', 100 * MB, "");
        try (RecordSource source = ConversionCsvReader.builder().delimiter(',').source(in)) {
            List<RawRecord> records = readAll(source);
            RawRecord record = records.get(records.size() - 1);
            assertThat(record.line()).isEqualTo(recordLine);
            assertThat(onlyCode(record)).isEqualTo(ViolationCode.MALFORMED_CSV);
            assertThat(record.violations().get(0).line()).isEqualTo(quoteLine);
            assertThat(record.violations().get(0).message()).contains("opens a quote at line " + quoteLine
                    + " that is never closed");
        }
        assertThat(in.position).as("bytes read: the whole input, to find the closing quote").isEqualTo(in.total());
    }

    /** After an open quote and 5 MB, a tail ({@code ~} for a line feed) and what it makes of the field. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            '"~'      | RECORD_TOO_LARGE | is larger than the parser's buffer
            '",x~row' | RECORD_TOO_LARGE | quoted from line 1
            '"'       | RECORD_TOO_LARGE | quoted from line 1
            '""~'     | MALFORMED_CSV    | opens a quote at line 1 that is never closed
            '"x,y~'   | MALFORMED_CSV    | has text after its closing quote
            """)
    void aHugeQuotedFieldThatIsClosedIsTooLarge(String tail, ViolationCode code, String fragment) {
        GeneratedStream in = new GeneratedStream("\"", 'q', 5 * MB, tail.replace('~', '\n'));
        try (RecordSource source = ConversionCsvReader.builder().delimiter(',').source(in)) {
            List<RawRecord> records = readAll(source);
            assertThat(records).hasSize(1);
            assertThat(onlyCode(records.get(0))).isEqualTo(code);
            assertThat(records.get(0).violations().get(0).message()).contains(fragment);
        }
    }

    @Test
    void hundredMegabyteFieldIsBoundedBySniffingToo() {
        GeneratedStream in = new GeneratedStream(ROW, 'a', 100 * MB, "");
        try (RecordSource source = ConversionCsvReader.builder().source(in)) {
            List<RawRecord> records = readAll(source);
            assertThat(records).extracting(RawRecord::line).containsExactly(1L, 2L);
            assertThat(records.get(0).violations()).isEmpty();
            assertThat(onlyCode(records.get(1))).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
            assertThat(source.delimiter()).contains(",");
        }
        assertThat(in.position).as("bytes read").isLessThan(MB);
    }

    @Test
    void largerFieldLimitStillBoundsTheBuffer() {
        GeneratedStream in = new GeneratedStream("", 'a', 100 * MB, "");
        CsvLimits limits = CsvLimits.builder().maxFieldSize(1024 * 1024).build();
        try (RecordSource source = ConversionCsvReader.builder().limits(limits).source(in)) {
            assertThat(readAll(source)).singleElement().extracting(HostileInputTest::onlyCode)
                    .isEqualTo(ViolationCode.RECORD_TOO_LARGE);
        }
        assertThat(in.position).as("bytes read").isLessThan(3 * MB);
    }

    @Test
    void openQuoteFollowedByTwentyMegabytesEndsReading() {
        GeneratedStream in = new GeneratedStream(ROW + "https://domain.tld/q,2020-09-22,\"", 'x', 20 * MB, ROW);
        try (RecordSource source = ConversionCsvReader.builder().source(in)) {
            List<RawRecord> records = readAll(source);
            assertThat(records).hasSize(2);
            assertThat(records.get(0).violations()).isEmpty();
            RawRecord last = records.get(1);
            assertThat(last.line()).isEqualTo(2);
            assertThat(onlyCode(last)).isEqualTo(ViolationCode.MALFORMED_CSV);
            assertThat(last.violations().get(0).message()).contains("field 3 opens a quote at line 2 that is"
                    + " never closed");
        }
        assertThat(in.position).as("bytes read").isEqualTo(in.total());
    }

    @Test
    void openQuoteNearTheEndIsMalformedAtItsLine() {
        String text = ROW + ROW + "https://domain.tld/q,2020-09-22,\"organic,1,10.0\n" + ROW.repeat(1000);
        try (RecordSource source = ConversionCsvReader.builder().source(new ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8)))) {
            List<RawRecord> records = readAll(source);
            assertThat(records).hasSize(3);
            assertThat(records.get(2).line()).isEqualTo(3);
            assertThat(onlyCode(records.get(2))).isEqualTo(ViolationCode.MALFORMED_CSV);
        }
    }

    @Test
    void twentyThousandDelimitersOnOneLineAreAFieldCountError() {
        String text = ",".repeat(20_000) + "\n" + ROW;
        try (RecordSource source = ConversionCsvReader.builder().source(new ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8)))) {
            List<RawRecord> records = readAll(source);
            assertThat(records).hasSize(2);
            assertThat(onlyCode(records.get(0))).isEqualTo(ViolationCode.FIELD_COUNT);
            assertThat(records.get(0).violations().get(0).message()).startsWith("record has 20,001 fields;");
            assertThat(records.get(1).violations()).isEmpty();
            assertThat(records.get(1).line()).isEqualTo(2);
        }
    }

    @Test
    void twentyThousandDelimitersInALayoutWideRecordAreTooManyFields() {
        CsvLimits limits = CsvLimits.builder().maxFieldsPerRecord(3).build();
        try (RecordSource source = ConversionCsvReader.builder().limits(limits)
                .source(new ByteArrayInputStream(ROW.getBytes(StandardCharsets.UTF_8)))) {
            RawRecord record = source.next();
            assertThat(record).isNotNull();
            assertThat(onlyCode(record)).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
        }
    }

    @Test
    void aMegabyteOfNulBytesIsOneTooLargeField() {
        GeneratedStream in = new GeneratedStream(ROW, '\0', MB, "\n" + ROW);
        try (RecordSource source = ConversionCsvReader.builder().source(in)) {
            List<RawRecord> records = readAll(source);
            assertThat(records).hasSize(2);
            assertThat(onlyCode(records.get(1))).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
        }
    }

    @Test
    void manyRecordsStreamOneAtATime() {
        // 5 MB of records through a 64 KiB sniffing window and a parser buffer of one field.
        GeneratedStream in = new GeneratedStream("", 'x', 0, ROW.repeat(100_000));
        long count = 0;
        long misnumbered = 0;
        try (RecordSource source = ConversionCsvReader.builder().source(in)) {
            RawRecord record;
            while ((record = source.next()) != null) {
                count++;
                if (record.record() != count || record.line() != count || record.isRejected()) {
                    misnumbered++;
                }
            }
        }
        assertThat(count).isEqualTo(100_000);
        assertThat(misnumbered).isZero();
        assertThat(in.position).isEqualTo(in.total());
    }

    @Test
    void aFailingInputSurfacesAsUncheckedIoException() {
        InputStream failing = new java.io.SequenceInputStream(new ByteArrayInputStream(
                ROW.getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("disk gone");
                    }
                });
        try (RecordSource source = ConversionCsvReader.builder().delimiter(',').source(failing)) {
            assertThat(source.next()).isNotNull();
            assertThatThrownBy(source::next).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("disk gone").hasMessageContaining("line 2");
        }
    }

    @Test
    void aFailingInputWhileSniffingSurfacesAsUncheckedIoException() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        try (RecordSource source = ConversionCsvReader.builder().source(failing)) {
            assertThatThrownBy(source::next).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("disk gone");
            assertThat(source.next()).isNull();
        }
    }

    private static final byte[] ALPHABET = {',', ';', '\t', '|', '"', '"', '\r', '\n', '\n', '#', '/', ' ', 'a',
        '0', '-', '.', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, 0x1F, (byte) 0x8B, (byte) 0xEF, (byte) 0xBB,
        (byte) 0xBF, 0};
    private static final Set<ViolationCode> ENDING = Set.of(ViolationCode.MALFORMED_CSV, ViolationCode.ENCODING);

    /**
     * Returns whether a violation ends reading: {@code ENCODING}, and {@code MALFORMED_CSV} but for text after a
     * closing quote, after which reading goes on with the next record (issue 13); its message says which.
     */
    static boolean endsReading(Violation violation) {
        return ENDING.contains(violation.code()) && !violation.message().endsWith("reading goes on with the next one");
    }

    @Test
    void randomBytesGiveOrderedRecordsAndViolationsOnly() {
        Random random = new Random(20200922);
        ConversionMapper mapper = ConversionMapper.builder().build();
        CsvLimits limits = CsvLimits.builder().maxFieldSize(8).maxRecordSize(20).build();
        for (int run = 0; run < 3_000; run++) {
            byte[] bytes = new byte[random.nextInt(200)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            ConversionCsvReader.Builder builder = ConversionCsvReader.builder()
                    .limits(run % 2 == 0 ? CsvLimits.DEFAULTS : limits);
            if (run % 3 == 0) {
                builder.delimiter(';');
            }
            try (RecordSource source = builder.source(new ByteArrayInputStream(bytes))) {
                long previousLine = 0;
                long expectedRecord = 1;
                boolean ended = false;
                RawRecord record;
                while ((record = source.next()) != null) {
                    assertThat(ended).as("a record after the end, run %d", run).isFalse();
                    assertThat(record.record()).isEqualTo(expectedRecord++);
                    assertThat(record.line()).isGreaterThan(previousLine);
                    previousLine = record.line();
                    List<Violation> found = new ArrayList<>();
                    mapper.check(record, found::add);
                    for (Violation violation : found) {
                        assertThat(violation.line()).isGreaterThanOrEqualTo(record.line());
                        ended |= endsReading(violation);
                    }
                }
                long lineBreaks = new String(bytes, StandardCharsets.ISO_8859_1).chars()
                        .filter(c -> c == '\n' || c == '\r').count();
                assertThat(expectedRecord - 1 + source.blankLines()).isLessThanOrEqualTo(lineBreaks + 1);
                assertThat(source.delimiter()).isPresent();
            }
        }
    }
}
