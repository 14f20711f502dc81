package org.conversionkit.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * Lets only well-formed UTF-8 through to the parser. jackson-core decodes overlong forms
 * ({@code C0 AF} as {@code /}, {@code E0 80 AF}) and code points past U+10FFFF inside strings
 * without complaint; this filter refuses them, and UTF-16 surrogates ({@code ED A0 80}), stray
 * continuation bytes, bytes that never occur ({@code C0}, {@code C1}, {@code F5}–{@code FF}) and a
 * sequence cut short by the end of the input, as RFC 3629 requires.
 *
 * <p>Every byte before the bad one is handed out first; the read after that fails with an
 * {@link InvalidUtf8Exception}. The parser thus reads the records before the bad bytes normally and
 * fails inside the record that holds them, where its location is the right one to report.
 *
 * <p>The check runs in the caller's buffer, eight bytes at a time while they are ASCII, which costs
 * little next to parsing.
 *
 * <p>It extends {@link InputStream}, not {@code FilterInputStream}, so that {@code skip} reads through the check
 * (InputStream's own skip reads and drops) instead of passing bytes by unchecked, and marks are not supported.
 */
final class Utf8CheckingInputStream extends InputStream {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** How many of the last bytes handed out are kept for {@link #charColumn(long, long)}: lines up to 56 KiB. */
    private static final int RECENT = 64 * 1024;

    /** Continuation bytes still expected by the sequence in progress, 0 between sequences. */
    private int needed;
    /** The bounds of the next continuation byte: narrower after E0, ED, F0 and F4. */
    private int low = 0x80;
    private int high = 0xBF;
    /** The bytes of the sequence in progress, for the message, one per byte, first byte highest. */
    private int sequence;
    private int sequenceLength;
    /** The offset of the first byte of the sequence in progress. */
    private long sequenceOffset;
    /** Bytes handed out so far. */
    private long delivered;
    private @Nullable InvalidUtf8Exception failure;
    /** The last byte handed out, -1 before the first. */
    private int lastByte = -1;
    private final byte[] one = new byte[1];
    private final InputStream in;
    /** The offset of the first byte outside ASCII handed out, or -1 while there is none. */
    private long firstNonAscii = -1;
    /**
     * The last {@link #RECENT} bytes handed out, from the first chunk that held a byte outside ASCII on (before it
     * every byte is a character), kept to count a line's characters where the parser counts bytes
     * ({@link #charColumn(long, long)}); {@code null} while the input is ASCII.
     */
    private byte @Nullable [] recent;

    Utf8CheckingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        InvalidUtf8Exception failed = failure;
        if (failed != null) {
            throw failed;
        }
        if (length == 0) {
            return 0;
        }
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            if (needed > 0) {
                throw fail(-1, new String[] {"is cut short by the end of the input",
                        "are cut short by the end of the input"}, -1);
            }
            return -1;
        }
        int good = check(buffer, offset, offset + n);
        if (good > 0 && firstNonAscii >= 0) {
            keep(buffer, offset, good);
        }
        if (good == n) {
            delivered += n;
            lastByte = buffer[offset + n - 1] & 0xFF;
            return n;
        }
        delivered += good;
        if (good > 0) {
            lastByte = buffer[offset + good - 1] & 0xFF;
            return good;
        }
        throw java.util.Objects.requireNonNull(failure);
    }

    /**
     * Checks {@code buffer[from, to)}; returns how many bytes from {@code from} can be handed out:
     * all of them, or those before the sequence that holds a bad byte, with {@link #failure} set.
     */
    private int check(byte[] buffer, int from, int to) {
        int i = from;
        while (i < to) {
            if (needed == 0) {
                while (i + 8 <= to && ((long) WORDS.get(buffer, i) & HIGH_BITS) == 0) {
                    i += 8;
                }
                while (i < to && buffer[i] >= 0) {
                    i++;
                }
                if (i == to) {
                    break;
                }
                int b = buffer[i] & 0xFF;
                sequence = b;
                sequenceLength = 1;
                sequenceOffset = delivered + (i - from);
                if (firstNonAscii < 0) {
                    firstNonAscii = sequenceOffset;
                }
                if (b >= 0xC2 && b <= 0xDF) {
                    needed = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    needed = 2;
                    low = b == 0xE0 ? 0xA0 : 0x80;
                    high = b == 0xED ? 0x9F : 0xBF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    needed = 3;
                    low = b == 0xF0 ? 0x90 : 0x80;
                    high = b == 0xF4 ? 0x8F : 0xBF;
                } else {
                    fail(-1, new String[] {b < 0xC0 ? "is a continuation byte without a lead byte"
                            : b < 0xC2 ? "starts an overlong encoding" : "never occurs in UTF-8", ""},
                            i > from ? buffer[i - 1] & 0xFF : lastByte);
                    return i - from;
                }
                i++;
            } else {
                int b = buffer[i] & 0xFF;
                if (b < low || b > high) {
                    long start = sequenceOffset - delivered;
                    // The byte before the sequence, if the sequence's first byte is not handed out yet.
                    int before = start > 0 ? buffer[from + (int) start - 1] & 0xFF : start == 0 ? lastByte : -1;
                    fail(b, reason(b), before);
                    return (int) Math.max(0, start);
                }
                sequence = sequence << 8 | b;
                sequenceLength++;
                low = 0x80;
                high = 0xBF;
                needed--;
                i++;
            }
        }
        return to - from;
    }

    /** Keeps the bytes {@code buffer[offset, offset + n)}, handed out now, in the ring of {@link #recent}. */
    private void keep(byte[] buffer, int offset, int n) {
        byte[] ring = recent;
        if (ring == null) {
            ring = new byte[RECENT];
            recent = ring;
        }
        int from = n > RECENT ? offset + n - RECENT : offset;
        int count = Math.min(n, RECENT);
        int at = (int) ((delivered + (from - offset)) % RECENT);
        int first = Math.min(count, RECENT - at);
        System.arraycopy(buffer, from, ring, at, first);
        System.arraycopy(buffer, from + first, ring, 0, count - first);
    }

    /**
     * Returns the column, in characters as a {@code Reader} counts them (UTF-16 units: a character past U+FFFF is
     * two), of a position the parser reports in bytes: jackson-core counts the columns of byte input in bytes, and
     * a character outside ASCII takes two to four bytes of UTF-8.
     *
     * @param offset     the position's byte offset among the bytes this stream handed out
     * @param byteColumn the position's 1-based column in bytes, or 0 when unknown
     * @return the 1-based column in characters; 0 when unknown, or when the line's start is more than 64 KiB
     *         back and a byte outside ASCII came between (its bytes are no longer at hand)
     */
    long charColumn(long offset, long byteColumn) {
        if (byteColumn <= 0 || firstNonAscii < 0 || offset <= firstNonAscii) {
            // Every byte before the position is a character.
            return byteColumn;
        }
        long lineStart = offset - (byteColumn - 1);
        // Bytes before the first one outside ASCII are characters each; the ring holds the rest.
        long from = Math.max(lineStart, firstNonAscii);
        byte[] ring = recent;
        if (ring == null || offset > delivered || from < delivered - RECENT) {
            return 0;
        }
        long characters = from - lineStart;
        for (long i = from; i < offset; i++) {
            int b = ring[(int) (i % RECENT)];
            // A byte that is not a continuation byte starts a character; a four-byte one, two UTF-16 units.
            if ((b & 0xC0) != 0x80) {
                characters++;
            }
            if ((b & 0xF8) == 0xF0) {
                characters++;
            }
        }
        return characters + 1;
    }

    /** Why a continuation byte out of bounds breaks the sequence in progress. */
    private String[] reason(int b) {
        if (b >= 0x80 && b <= 0xBF) {
            int lead = sequence >>> (8 * (sequenceLength - 1));
            if (lead == 0xED) {
                return new String[] {"", "encode a UTF-16 surrogate, which UTF-8 cannot hold"};
            }
            if (lead == 0xF4) {
                return new String[] {"", "encode a code point past U+10FFFF"};
            }
            return new String[] {"", "are an overlong encoding"};
        }
        return new String[] {"", "are a sequence cut short"};
    }

    /**
     * Records the failure: the bytes of the sequence in progress, then {@code extra} if not -1; {@code before} is
     * the byte handed out last before the sequence, or -1 when the sequence is partly handed out already.
     */
    private InvalidUtf8Exception fail(int extra, String[] reason, int before) {
        StringBuilder hex = new StringBuilder();
        for (int k = sequenceLength - 1; k >= 0; k--) {
            appendHex(hex, sequence >>> (8 * k) & 0xFF);
        }
        if (extra >= 0) {
            appendHex(hex, extra);
        }
        boolean single = hex.indexOf(" ") < 0;
        InvalidUtf8Exception e = new InvalidUtf8Exception(hex.toString(), (single ? "byte " + hex + " " + reason[0]
                : "bytes " + hex + " " + reason[1]) + " (byte offset " + sequenceOffset + ")", before == '\r');
        failure = e;
        return e;
    }

    private static void appendHex(StringBuilder hex, int b) {
        if (hex.length() > 0) {
            hex.append(' ');
        }
        hex.append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
