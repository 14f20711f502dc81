package org.conversionkit.json.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/** The char counterpart of {@link PeekInputStream}. */
final class PeekReader extends Reader implements Peekable {

    private final Reader in;
    private final long limit;
    private char[] head = new char[0];
    private int headStart;
    private int headEnd;
    private boolean eof;
    private long count;

    PeekReader(Reader in, long limit) {
        this.in = in;
        this.limit = limit;
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
        return head[headStart + index];
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
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        long room = limit - count;
        if (room <= 0) {
            if (peek(0) < 0) {
                return -1;
            }
            throw new InputTooLargeException(limit);
        }
        int wanted = (int) Math.min(length, room);
        int n;
        if (headStart < headEnd) {
            n = Math.min(wanted, headEnd - headStart);
            System.arraycopy(head, headStart, buffer, offset, n);
            headStart += n;
            if (headStart == headEnd) {
                head = new char[0];
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

    @Override
    public void close() throws IOException {
        in.close();
    }
}
