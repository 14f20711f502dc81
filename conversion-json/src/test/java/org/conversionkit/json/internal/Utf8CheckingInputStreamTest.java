package org.conversionkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The UTF-8 check in front of the JSON parser: every boundary of RFC 3629's table, and a
 * differential test against the JDK's strict decoder on random bytes read in random chunks.
 */
class Utf8CheckingInputStreamTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            7F                |
            C2 80             |
            DF BF             |
            E0 A0 80          |
            E1 80 80          |
            EC BF BF          |
            ED 9F BF          |
            EE 80 80          |
            EF BF BF          |
            F0 90 80 80       |
            F3 BF BF BF       |
            F4 8F BF BF       |
            80                | byte 80 is a continuation byte without a lead byte
            BF                | byte BF is a continuation byte without a lead byte
            C0 AF             | byte C0 starts an overlong encoding
            C1 BF             | byte C1 starts an overlong encoding
            E0 80 AF          | bytes E0 80 are an overlong encoding
            E0 9F BF          | bytes E0 9F are an overlong encoding
            F0 80 80 AF       | bytes F0 80 are an overlong encoding
            F0 8F BF BF       | bytes F0 8F are an overlong encoding
            ED A0 80          | bytes ED A0 encode a UTF-16 surrogate, which UTF-8 cannot hold
            ED BF BF          | bytes ED BF encode a UTF-16 surrogate, which UTF-8 cannot hold
            F4 90 80 80       | bytes F4 90 encode a code point past U+10FFFF
            F5 80 80 80       | byte F5 never occurs in UTF-8
            FF                | byte FF never occurs in UTF-8
            C3 28             | bytes C3 28 are a sequence cut short
            E2 82 41          | bytes E2 82 41 are a sequence cut short
            C3                | byte C3 is cut short by the end of the input
            F0 9F 98          | bytes F0 9F 98 are cut short by the end of the input
            """)
    void sequence(String hex, String problem) throws IOException {
        byte[] bad = HexFormat.ofDelimiter(" ").parseHex(hex.strip());
        byte[] input = new byte[bad.length + 2];
        input[0] = 'a';
        System.arraycopy(bad, 0, input, 1, bad.length);
        input[input.length - 1] = 'z';
        if (problem == null) {
            assertThat(readAll(input, 1 << 16)).isEqualTo(input);
            return;
        }
        byte[] truncatedInput = problem.contains("end of the input")
                ? java.util.Arrays.copyOf(input, input.length - 1) : input;
        Utf8CheckingInputStream in = new Utf8CheckingInputStream(new ByteArrayInputStream(truncatedInput));
        byte[] buffer = new byte[64];
        int first = in.read(buffer, 0, buffer.length);
        assertThat(first).as("the good bytes come first").isGreaterThanOrEqualTo(1);
        assertThatThrownBy(() -> {
            while (in.read(buffer, 0, buffer.length) >= 0) {
                // read on until the failure
            }
        }).isInstanceOf(InvalidUtf8Exception.class).hasMessage(problem + " (byte offset 1)");
        assertThatThrownBy(() -> in.read(buffer, 0, 1)).as("failed for good").isInstanceOf(InvalidUtf8Exception.class);
    }

    @Test
    void longAsciiRunsAndMultiByteCharactersAcrossChunks() throws IOException {
        String text = "x".repeat(37) + "é€😀" + "y".repeat(1000) + "ü";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk < 20; chunk++) {
            assertThat(readAll(bytes, chunk)).as("chunk %d", chunk).isEqualTo(bytes);
        }
    }

    private static final byte[] ALPHABET = {'a', '{', '"', 0x7F, (byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F,
        (byte) 0xA0, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xE1,
        (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF};

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() throws IOException {
        Random random = new Random(3629);
        for (int run = 0; run < 20_000; run++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) 'a';
            }
            int validPrefix = jdkValidPrefix(bytes);
            int chunk = 1 + random.nextInt(12);
            ByteArrayOutputStream delivered = new ByteArrayOutputStream();
            boolean failed = false;
            try (InputStream in = new Utf8CheckingInputStream(new ChunkedStream(bytes, chunk))) {
                byte[] buffer = new byte[chunk + random.nextInt(5)];
                int n;
                while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                    delivered.write(buffer, 0, n);
                }
            } catch (InvalidUtf8Exception e) {
                failed = true;
            }
            String what = HexFormat.ofDelimiter(" ").formatHex(bytes);
            assertThat(failed).as("fails on %s", what).isEqualTo(validPrefix < bytes.length);
            byte[] out = delivered.toByteArray();
            assertThat(out.length).as("delivered of %s", what).isGreaterThanOrEqualTo(validPrefix);
            assertThat(out).as("delivered of %s", what)
                    .isEqualTo(java.util.Arrays.copyOf(bytes, out.length));
            if (failed) {
                // At most the lead bytes of the bad sequence go out, never a byte past its start + 3.
                assertThat(out.length).as("delivered of %s", what).isLessThanOrEqualTo(validPrefix + 3);
            }
        }
    }

    /** The length of the longest prefix the JDK decodes strictly, up to the first malformed sequence. */
    private static int jdkValidPrefix(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 2);
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    private static byte[] readAll(byte[] bytes, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new Utf8CheckingInputStream(new ChunkedStream(bytes, chunk))) {
            byte[] buffer = new byte[chunk];
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /** Hands out at most {@code chunk} bytes a read, so that sequences are cut at every place. */
    private static final class ChunkedStream extends ByteArrayInputStream {
        private final int chunk;

        ChunkedStream(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }

    /**
     * The parser counts the columns of byte input in bytes; the check turns them into characters as a Reader
     * counts them (UTF-16 units), for every position of lines of ASCII, two-, three- and four-byte characters,
     * read in chunks of every size: the column of each character's first byte is its index in the line's UTF-16
     * text, plus one.
     */
    @ParameterizedTest(name = "chunks of {0}")
    @CsvSource({"1", "3", "7", "64", "8192"})
    void charColumnCountsTheCharactersOfTheLine(int chunk) throws IOException {
        String text = "{\"a\": 1}\n{\"ché\": \"€ 😀 x\", \"b\": ☕}\nplain ascii\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Utf8CheckingInputStream in = new Utf8CheckingInputStream(new ByteArrayInputStream(bytes));
        byte[] buffer = new byte[chunk];
        while (in.read(buffer, 0, chunk) >= 0) {
            // Reads the whole input, as the parser would before it reports a location near the end.
        }
        int lineStart = 0;
        int lineStartChar = 0;
        int offset = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLowSurrogate(c)) {
                long byteColumn = offset - lineStart + 1;
                assertThat(in.charColumn(offset, byteColumn)).as("offset %d", offset).isEqualTo(i - lineStartChar + 1);
            }
            int width = Character.isHighSurrogate(c) ? 4 : Character.isLowSurrogate(c) ? 0
                    : String.valueOf(c).getBytes(StandardCharsets.UTF_8).length;
            offset += width;
            if (c == '\n') {
                lineStart = offset;
                lineStartChar = i + 1;
            }
        }
        assertThat(in.charColumn(offset, 0)).as("an unknown column stays unknown").isZero();
    }

    @Test
    void aColumnWhoseLineLeftTheWindowIsUnknownOnlyWhenTheLineHoldsMoreThanAscii() throws IOException {
        // A line of 100,000 ASCII characters, then one with a character outside ASCII, 100,000 bytes long.
        String ascii = "a".repeat(100_000);
        String mixed = "é" + "b".repeat(99_998);
        byte[] bytes = (ascii + "\n" + mixed + "\n").getBytes(StandardCharsets.UTF_8);
        Utf8CheckingInputStream in = new Utf8CheckingInputStream(new ByteArrayInputStream(bytes));
        byte[] buffer = new byte[8192];
        while (in.read(buffer, 0, buffer.length) >= 0) {
            // Reads it all.
        }
        // Before the first byte outside ASCII, bytes are characters, however long ago they were read.
        assertThat(in.charColumn(99_999, 100_000)).isEqualTo(100_000);
        // On the mixed line, near its end: the ring holds the last 64 KiB, not the line's start.
        long lineStart = 100_001;
        long end = lineStart + 99_999;
        assertThat(in.charColumn(end, end - lineStart + 1)).isZero();
        // Near its start, before the ring moved on, it would have been known; a short line at the end is.
        Utf8CheckingInputStream short1 = new Utf8CheckingInputStream(new ByteArrayInputStream(
                (ascii + "\né€x\n").getBytes(StandardCharsets.UTF_8)));
        while (short1.read(buffer, 0, buffer.length) >= 0) {
            // Reads it all.
        }
        long xOffset = lineStart + 2 + 3;
        assertThat(short1.charColumn(xOffset, xOffset - lineStart + 1)).isEqualTo(3);
    }
}
