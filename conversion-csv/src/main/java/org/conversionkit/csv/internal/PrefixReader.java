package org.conversionkit.csv.internal;

import java.io.IOException;
import java.io.Reader;

/**
 * Replays the characters read ahead for sniffing the delimiter, then reads on from the input, noting when the
 * input has ended (a parse error after the end is an unterminated quote).
 */
final class PrefixReader extends Reader {

    private final char[] prefix;
    private final int length;
    private final Reader rest;
    private int position;
    private boolean ended;

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
            return copied;
        }
        int read = rest.read(target, offset, count);
        if (read < 0) {
            ended = true;
        }
        return read;
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
