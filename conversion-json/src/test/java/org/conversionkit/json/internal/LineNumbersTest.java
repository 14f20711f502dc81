package org.conversionkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * jackson-core's 32-bit line and column numbers read past 2^31 (issue 16, item 10): NDJSON of more than 2^31 lines
 * keeps its lines, with no "internal error" from a negative line; a column past 2^31 characters is 0, unknown, never
 * negative. The parser's counter is simulated as it wraps: the low 32 bits of the true line.
 */
class LineNumbersTest {

    /** The parser's line number for a true line: its low 32 bits, as an {@code int} that has wrapped. */
    private static int parser(long line) {
        return (int) line;
    }

    @Test
    void linesPast2To31And2To32AreRead() {
        LineNumbers lines = new LineNumbers();
        // Readings less than 2^31 lines apart, as records are.
        long[] trueLines = {1, 2, 1000, Integer.MAX_VALUE - 1L, Integer.MAX_VALUE, 1L << 31, (1L << 31) + 5,
            (1L << 32) - 1, 1L << 32, (1L << 32) + 1, (1L << 32) + (1L << 30), (1L << 32) + (1L << 31) + 1,
            (1L << 33) - 5, (1L << 33) + 7};
        for (long line : trueLines) {
            assertThat(lines.line(parser(line))).as("line %d, the parser's %d", line, parser(line)).isEqualTo(line);
        }
    }

    @Test
    void everyStepBelow2To31IsReadOneByOne() {
        LineNumbers lines = new LineNumbers();
        long line = 1;
        for (long step : new long[] {1, 7, 100_000, Integer.MAX_VALUE - 1L, 3, Integer.MAX_VALUE, Integer.MAX_VALUE,
            12, 1 << 30}) {
            line += step;
            assertThat(lines.line(parser(line))).isEqualTo(line);
        }
    }

    @Test
    void aLocationALittleBeforeTheLastIsItsLine() {
        LineNumbers lines = new LineNumbers();
        lines.line(parser((1L << 32) + 3));
        // An error's location may be the token's start, a line or two before where the parser stands.
        assertThat(lines.line(parser((1L << 32) - 2))).isEqualTo((1L << 32) - 2);
        assertThat(lines.line(parser((1L << 32) + 4))).isEqualTo((1L << 32) + 4);
    }

    @Test
    void theFirstLinesAreThemselves() {
        LineNumbers lines = new LineNumbers();
        assertThat(lines.line(1)).isEqualTo(1);
        assertThat(lines.line(1)).isEqualTo(1);
        assertThat(lines.line(0)).as("never below 1").isEqualTo(1);
    }

    @Test
    void aColumnPast2To31IsUnknownNeverNegative() {
        assertThat(LineNumbers.column(1)).isEqualTo(1);
        assertThat(LineNumbers.column(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(LineNumbers.column(Integer.MIN_VALUE)).isZero();
        assertThat(LineNumbers.column(-5)).isZero();
        assertThat(LineNumbers.column(0)).isZero();
    }
}
