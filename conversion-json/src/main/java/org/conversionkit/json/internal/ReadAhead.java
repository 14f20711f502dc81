package org.conversionkit.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An input that can look ahead at its start (form detection, a byte order mark), counts what it hands out
 * (record size checks, at the cost of a field read) and stops at {@code maxFileBytes}. Written once over the
 * buffer as an {@code Object}, a {@code byte[]} or a {@code char[]} ({@link System#arraycopy} takes either):
 * {@link Bytes} serves byte input and {@link Chars} a {@link Reader}, each with a view the parser reads.
 */
abstract sealed class ReadAhead {

    private final Object empty;
    private long limit;
    /** What was read ahead: {@code head[headStart..headEnd)}, handed out before anything else. */
    private Object head;
    private int headStart;
    private int headEnd;
    private boolean eof;
    /**
     * A failure met by {@link #peekBeforeFailure(int)}: thrown where the reading reaches it, once what was read
     * ahead of it is handed out.
     */
    private @Nullable IOException failure;
    private long count;

    private ReadAhead(Object empty, long limit) {
        this.empty = empty;
        this.head = empty;
        this.limit = limit;
    }

    /** Reads from the input into {@code array}, a buffer of this input's kind, as {@code read(b, off, len)}. */
    abstract int fill(Object array, int offset, int length) throws IOException;

    /** Returns the character (byte, as 0 to 255) at {@code index} of a buffer of this input's kind. */
    abstract int at(Object array, int index);

    /** Returns a copy of a buffer of this input's kind, {@code length} long. */
    abstract Object copyOf(Object array, int length);

    /** Returns the length of a buffer of this input's kind. */
    abstract int length(Object array);

    /** Sets the most characters (bytes) handed out before the input counts as too large. */
    final void limit(long maxCharacters) {
        this.limit = maxCharacters;
    }

    /**
     * Returns a character (a byte, for byte input) ahead of the read position, reading more input
     * as needed.
     *
     * @param index 0 for the next unread character
     * @return the character, or -1 past the end of the input
     */
    final int peek(int index) throws IOException {
        while (headEnd - headStart <= index) {
            if (failure != null) {
                throw failure;
            }
            if (eof) {
                return -1;
            }
            if (headEnd == length(head)) {
                head = copyOf(head, Math.max(8192, length(head) * 2));
            }
            int n = fill(head, headEnd, length(head) - headEnd);
            if (n < 0) {
                eof = true;
            } else {
                headEnd += n;
            }
        }
        return at(head, headStart + index);
    }

    /**
     * Returns a character ahead of the read position as {@link #peek(int)} does, but a failure to read more
     * input (a disk error, gzip data damaged after the first row) is kept, not thrown: it is thrown where the
     * reading reaches it, after what was read before it. So looking ahead (the form detection) never costs the
     * rows before a failure.
     *
     * @param index 0 for the next unread character
     * @return the character, or -1 past the end of the input or at a failure
     */
    final int peekBeforeFailure(int index) {
        if (failure != null && headEnd - headStart <= index) {
            return -1;
        }
        try {
            return peek(index);
        } catch (IOException e) {
            failure = e;
            return -1;
        }
    }

    /** Drops characters ahead of the read position unread and uncounted (a byte order mark). */
    final void discard(int n) {
        headStart += n;
    }

    /** Returns the number of characters (bytes) handed out so far. */
    final long count() {
        return count;
    }

    /** Hands out what was read ahead, then the input, as {@code read(b, off, len)} into a buffer of its kind. */
    final int read(Object buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        long room = limit - count;
        if (room <= 0) {
            // At the limit: the end of the input if nothing follows, else the input is too large.
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
                head = empty;
                headStart = 0;
                headEnd = 0;
            }
        } else {
            if (failure != null) {
                throw failure;
            }
            if (eof) {
                return -1;
            }
            n = fill(buffer, offset, wanted);
            if (n < 0) {
                eof = true;
                return -1;
            }
        }
        count += n;
        return n;
    }

    /** A byte input read ahead; {@link #stream()} is what the parser (or the gzip stream) reads. */
    static final class Bytes extends ReadAhead {

        private final InputStream in;
        private final InputStream stream = new InputStream() {

            private final byte[] one = new byte[1];

            @Override
            public int read() throws IOException {
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return Bytes.this.read(buffer, offset, length);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };

        Bytes(InputStream in) {
            super(new byte[0], Long.MAX_VALUE);
            this.in = in;
        }

        /** Returns the bytes, as an input stream that closes the input. */
        InputStream stream() {
            return stream;
        }

        @Override
        int fill(Object array, int offset, int length) throws IOException {
            return in.read((byte[]) array, offset, length);
        }

        @Override
        int at(Object array, int index) {
            return ((byte[]) array)[index] & 0xFF;
        }

        @Override
        Object copyOf(Object array, int length) {
            return Arrays.copyOf((byte[]) array, length);
        }

        @Override
        int length(Object array) {
            return ((byte[]) array).length;
        }
    }

    /** A {@link Reader} read ahead; {@link #reader()} is what the parser reads. */
    static final class Chars extends ReadAhead {

        private final Reader in;
        private final Reader reader = new Reader() {

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return Chars.this.read(buffer, offset, length);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };

        Chars(Reader in, long limit) {
            super(new char[0], limit);
            this.in = in;
        }

        /** Returns the characters, as a reader that closes the input. */
        Reader reader() {
            return reader;
        }

        @Override
        int fill(Object array, int offset, int length) throws IOException {
            return in.read((char[]) array, offset, length);
        }

        @Override
        int at(Object array, int index) {
            return ((char[]) array)[index];
        }

        @Override
        Object copyOf(Object array, int length) {
            return Arrays.copyOf((char[]) array, length);
        }

        @Override
        int length(Object array) {
            return ((char[]) array).length;
        }
    }
}
