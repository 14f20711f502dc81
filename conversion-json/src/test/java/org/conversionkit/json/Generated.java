package org.conversionkit.json;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.InputStream;
import java.io.Reader;
import java.util.function.LongFunction;

/**
 * Large inputs made on the fly, a piece at a time, so that a test of a 50 MB string holds a few
 * bytes, not 50 MB: a prefix, {@code count} pieces, a suffix.
 */
final class Generated {

    private final String prefix;
    private final LongFunction<String> piece;
    private final long count;
    private final String suffix;

    private Generated(String prefix, LongFunction<String> piece, long count, String suffix) {
        this.prefix = prefix;
        this.piece = piece;
        this.count = count;
        this.suffix = suffix;
    }

    static Generated of(String prefix, String piece, long count, String suffix) {
        if (piece.isEmpty() || count == 0) {
            return new Generated(prefix, i -> "", 0, suffix);
        }
        // Hand out a constant piece in chunks of about 64 KiB: a generator, not the thing under test.
        long perChunk = Math.max(1, 65_536 / piece.length());
        String chunk = piece.repeat((int) Math.min(perChunk, count));
        long chunks = count / perChunk;
        String rest = piece.repeat((int) (count % perChunk));
        return new Generated(prefix, i -> i < chunks ? chunk : rest, rest.isEmpty() ? chunks : chunks + 1, suffix);
    }

    static Generated of(String prefix, LongFunction<String> piece, long count, String suffix) {
        return new Generated(prefix, piece, count, suffix);
    }

    /** The text as UTF-8 bytes. */
    InputStream bytes() {
        return new InputStream() {
            private final Cursor cursor = new Cursor();

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return cursor.fill(buffer, offset, length);
            }
        };
    }

    /** The text as chars. */
    Reader chars() {
        return new Reader() {
            private final Cursor cursor = new Cursor();

            @Override
            public int read(char[] buffer, int offset, int length) {
                return cursor.fill(buffer, offset, length);
            }

            @Override
            public void close() {
            }
        };
    }

    /** Walks the pieces; hands out bytes or chars (the pieces are ASCII, so they are the same). */
    private final class Cursor {

        private byte[] current = prefix.getBytes(UTF_8);
        private int position;
        private long next;
        private boolean suffixDone;

        int fill(Object buffer, int offset, int length) {
            while (position == current.length) {
                if (next < count) {
                    current = piece.apply(next++).getBytes(UTF_8);
                } else if (!suffixDone) {
                    current = suffix.getBytes(UTF_8);
                    suffixDone = true;
                } else {
                    return -1;
                }
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            for (int i = 0; i < n; i++) {
                byte b = current[position + i];
                if (buffer instanceof byte[] bytes) {
                    bytes[offset + i] = b;
                } else {
                    ((char[]) buffer)[offset + i] = (char) (b & 0xFF);
                }
            }
            position += n;
            return n;
        }
    }
}
