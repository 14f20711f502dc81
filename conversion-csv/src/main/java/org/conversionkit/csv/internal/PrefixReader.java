package org.conversionkit.csv.internal;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Replays the characters read ahead for sniffing the delimiter, then reads on from the input, noting when the
 * input has ended (a parse error after the end is an unterminated quote), and which buffer it filled last: the
 * parser's, which an {@link OverflowProbe} looks into when it overflows.
 */
final class PrefixReader extends Reader {

    private final char[] prefix;
    private final int length;
    private final Reader rest;
    private int position;
    private boolean ended;
    private char @Nullable [] lastTarget;
    private int lastEnd;

    PrefixReader(char[] prefix, int length, Reader rest) {
        this.prefix = prefix;
        this.length = length;
        this.rest = rest;
    }

    @Override
    public int read(char[] target, int offset, int count) throws IOException {
        if (position < length) {
            int copied = Math.min(count, length - position);
            System.arraycopy(prefix, position, target, offset, copied);
            position += copied;
            lastTarget = target;
            lastEnd = offset + copied;
            return copied;
        }
        int read = rest.read(target, offset, count);
        if (read < 0) {
            ended = true;
        } else {
            lastTarget = target;
            lastEnd = offset + read;
        }
        return read;
    }

    /**
     * Returns the buffer the last read filled.
     *
     * @return the buffer, or {@code null} before the first read
     */
    char @Nullable [] lastTarget() {
        return lastTarget;
    }

    /**
     * Returns where the last read ended in {@link #lastTarget()}.
     *
     * @return the index after the last character read
     */
    int lastEnd() {
        return lastEnd;
    }

    /**
     * Returns whether the input has reported its end.
     *
     * @return {@code true} after the end
     */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
