package org.conversionkit.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A byte stream that can look ahead at its start (form detection), counts the bytes it hands out
 * (record size checks, at the cost of a field read) and stops at {@code maxFileBytes}.
 */
final class PeekInputStream extends InputStream implements Peekable {

    private final InputStream in;
    private long limit = Long.MAX_VALUE;
    private byte[] head = new byte[0];
    private int headStart;
    private int headEnd;
    private boolean eof;
    private long count;
    private final byte[] one = new byte[1];

    PeekInputStream(InputStream in) {
        this.in = in;
    }

    /** Sets the most bytes handed out before the input counts as too large. */
    void limit(long maxBytes) {
        this.limit = maxBytes;
    }

    @Override
    public int peek(int index) throws IOException {
        while (headEnd - headStart <= index) {
            if (eof) {
                return -1;
            }
            if (headEnd == head.length) {
                head = Arrays.copyOf(head, Math.max(8192, head.length * 2));
            }
            int n = in.read(head, headEnd, head.length - headEnd);
            if (n < 0) {
                eof = true;
            } else {
                headEnd += n;
            }
        }
        return head[headStart + index] & 0xFF;
    }

    @Override
    public void discard(int n) {
        headStart += n;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        long room = limit - count;
        if (room <= 0) {
            return beyondLimit();
        }
        int wanted = (int) Math.min(length, room);
        int n;
        if (headStart < headEnd) {
            n = Math.min(wanted, headEnd - headStart);
            System.arraycopy(head, headStart, buffer, offset, n);
            headStart += n;
            if (headStart == headEnd) {
                head = new byte[0];
                headStart = 0;
                headEnd = 0;
            }
        } else {
            if (eof) {
                return -1;
            }
            n = in.read(buffer, offset, wanted);
            if (n < 0) {
                eof = true;
                return -1;
            }
        }
        count += n;
        return n;
    }

    /** At the limit: the end of the input if nothing follows, else the input is too large. */
    private int beyondLimit() throws IOException {
        if (peek(0) < 0) {
            return -1;
        }
        throw new InputTooLargeException(limit);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
