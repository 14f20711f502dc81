package org.conversionkit.csv.internal;

import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * The reader the parser reads from, with what the record source needs to know about it when the parser fails:
 * which buffer it filled last (the parser's, which an {@link OverflowProbe} looks into) and whether the input has
 * ended (a parse error after the end is an unterminated quote); the probe reads on from it.
 */
abstract class ParserInput extends Reader {

    private char @Nullable [] lastTarget;
    private int lastEnd;
    private boolean ended;

    /**
     * Notes a read that filled a buffer.
     *
     * @param target the buffer
     * @param end    the index after the last character read into it
     */
    final void filled(char[] target, int end) {
        lastTarget = target;
        lastEnd = end;
    }

    /** Notes that the input has ended. */
    final void end() {
        ended = true;
    }

    /**
     * Returns the buffer the last read filled.
     *
     * @return the buffer, or {@code null} before the first read
     */
    final char @Nullable [] lastTarget() {
        return lastTarget;
    }

    /**
     * Returns where the last read ended in {@link #lastTarget()}.
     *
     * @return the index after the last character read
     */
    final int lastEnd() {
        return lastEnd;
    }

    /**
     * Returns whether the input has reported its end.
     *
     * @return {@code true} after the end
     */
    final boolean ended() {
        return ended;
    }
}
