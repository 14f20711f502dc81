package org.conversionkit.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.internal.GzipMembers;
import org.jspecify.annotations.Nullable;

/**
 * Decodes strict UTF-8: every good character before a bad byte is delivered, then reading fails with an
 * {@link InputFailure} ({@code ENCODING}) that names the bytes and their offset. Nothing is ever replaced
 * by U+FFFD, unlike {@link java.io.InputStreamReader}. A UTF-8 byte order mark at the start is skipped.
 *
 * <p>The bytes read are counted against {@code maxFileBytes}. Once failed, every later read fails the same
 * way, so that a failure found while sniffing the delimiter surfaces again, at its place, when the parser
 * reaches it.
 */
final class Utf8Reader extends Reader {

    private static final int BUFFER_SIZE = 16 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Bytes read but not decoded yet, in read mode. */
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final long maxBytes;
    /** Whether NUL is the delimiter, and so tells nothing of the encoding. */
    private final boolean nulData;
    /** Bytes read from {@link #in} so far. */
    private long bytesRead;
    private boolean endOfInput;
    private boolean flushed;
    private boolean bomChecked;
    private @Nullable InputFailure failure;

    private Utf8Reader(InputStream in, long maxBytes, boolean nulData) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.nulData = nulData;
    }

    /**
     * Opens a byte stream, transparently decompressing it when it starts with the gzip magic bytes (or with the
     * first of them, cut short), or when its name ends with {@code .gz}; every member of concatenated gzip data
     * is read ({@link GzipMembers}).
     *
     * @param in       the bytes; owned by the reader from now on
     * @param name     the input's name, or {@code null}
     * @param maxBytes the most bytes to read (after decompression)
     * @param nulData  whether NUL is data (the delimiter), so that NUL bytes do not tell UTF-16 or UTF-32
     * @return the decoding reader
     * @throws InputFailure if the stream is gzip but its header is corrupt
     * @throws IOException  if the stream cannot be read
     */
    static Utf8Reader open(InputStream in, @Nullable String name, long maxBytes, boolean nulData)
            throws IOException {
        PushbackInputStream head = new PushbackInputStream(in, 2);
        try {
            byte[] magic = new byte[2];
            int count = 0;
            while (count < 2) {
                int read = head.read(magic, count, 2 - count);
                if (read < 0) {
                    break;
                }
                count += read;
            }
            head.unread(magic, 0, count);
            // The magic bytes, or the first of them and nothing after (gzip data cut short), or the name.
            boolean gzip = (count >= 1 && magic[0] == (byte) 0x1F && (count == 1 || magic[1] == (byte) 0x8B))
                    || (name != null && name.toLowerCase(Locale.ROOT).endsWith(".gz"));
            return new Utf8Reader(gzip ? gunzip(head) : head, maxBytes, nulData);
        } catch (IOException | RuntimeException e) {
            closeQuietly(head, e);
            throw e;
        }
    }

    private static InputStream gunzip(InputStream in) throws IOException {
        try {
            return new GuardedGzipStream(new GzipMembers(in));
        } catch (GzipMembers.FormatException e) {
            throw GuardedGzipStream.corrupt(e);
        }
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (length == 0) {
            return 0;
        }
        if (flushed) {
            return -1;
        }
        if (!bomChecked) {
            skipBom();
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            int produced = out.position() - offset;
            if (result.isError()) {
                failure = encodingFailure(result.length());
                if (produced > 0) {
                    return produced;
                }
                throw failure;
            }
            if (result.isOverflow()) {
                return produced;
            }
            if (endOfInput) {
                if (!flushed) {
                    if (decoder.flush(out).isOverflow()) {
                        return out.position() - offset;
                    }
                    flushed = true;
                }
                produced = out.position() - offset;
                return produced > 0 ? produced : -1;
            }
            if (produced > 0) {
                // Deliver what is decoded rather than block for more input.
                return produced;
            }
            fill();
        }
    }

    /**
     * Reads more bytes behind those not decoded yet; sets {@link #endOfInput} at the end of the stream. At most
     * {@link #maxBytes} are read, so that all of them are decoded before a larger input fails.
     */
    private void fill() throws IOException {
        bytes.compact();
        try {
            int room = (int) Math.min(bytes.remaining(), maxBytes - bytesRead);
            if (room == 0) {
                // At the limit: fail only if there is more.
                room = 1;
            }
            int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), room);
            if (read < 0) {
                endOfInput = true;
            } else if (bytesRead + read > maxBytes) {
                failure = new InputFailure(ViolationCode.RECORD_TOO_LARGE, null, "the file has more than "
                        + Text.count(maxBytes, "byte") + "; the limit maxFileBytes is " + Text.count(maxBytes)
                        + ": reading stops here");
                throw failure;
            } else {
                bytes.position(bytes.position() + read);
                bytesRead += read;
            }
        } catch (InputFailure e) {
            failure = e;
            throw e;
        } finally {
            bytes.flip();
        }
    }

    private void skipBom() throws IOException {
        bomChecked = true;
        while (bytes.remaining() < 7 && !endOfInput) {
            fill();
        }
        if (bytes.remaining() >= 3 && bytes.get(bytes.position()) == (byte) 0xEF
                && bytes.get(bytes.position() + 1) == (byte) 0xBB && bytes.get(bytes.position() + 2) == (byte) 0xBF) {
            bytes.position(bytes.position() + 3);
        }
        String wide = nulData ? null : wideEncoding();
        if (wide != null) {
            failure = new InputFailure(ViolationCode.ENCODING, null, "the file looks like " + wide + ", not UTF-8 ("
                    + "its first bytes are characters of two or four bytes, NUL bytes between letters): save it as"
                    + " UTF-8");
            throw failure;
        }
    }

    /**
     * Names the encoding the first bytes show when it is UTF-16 or UTF-32 rather than UTF-8: a UTF-16 byte order
     * mark, or, over the first 8 to 32 bytes, NUL bytes exactly where such an encoding puts the zero bytes of ASCII
     * characters and nowhere else (a UTF-8 file holds no NUL unless NUL is its delimiter); else {@code null}.
     * Told once, at line 1, instead of a violation per field.
     */
    private @Nullable String wideEncoding() {
        int at = bytes.position();
        int available = bytes.remaining();
        if (available >= 2) {
            int b0 = bytes.get(at) & 0xFF;
            int b1 = bytes.get(at + 1) & 0xFF;
            if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
                return "UTF-16 with a byte order mark";
            }
        }
        int window = Math.min(available, 32) & ~3;
        if (window < 8) {
            return null;
        }
        // Bit i of the pattern: byte i is NUL.
        int pattern = 0;
        for (int i = 0; i < window; i++) {
            pattern |= (bytes.get(at + i) == 0 ? 1 : 0) << i;
        }
        int mask = window == 32 ? -1 : (1 << window) - 1;
        if (pattern == (0xAAAA_AAAA & mask)) {
            return "UTF-16 (little-endian) without a byte order mark";
        }
        if (pattern == (0x5555_5555 & mask)) {
            return "UTF-16 (big-endian) without a byte order mark";
        }
        if (pattern == (0xEEEE_EEEE & mask) || pattern == (0x7777_7777 & mask)) {
            return "UTF-32";
        }
        return null;
    }

    private InputFailure encodingFailure(int length) {
        int start = bytes.position();
        long offset = bytesRead - bytes.remaining();
        StringBuilder hex = new StringBuilder(length * 3);
        for (int i = 0; i < length && start + i < bytes.limit(); i++) {
            if (i > 0) {
                hex.append(' ');
            }
            int b = bytes.get(start + i) & 0xFF;
            hex.append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
        String what = length == 1 ? "byte " + hex + " is" : "bytes " + hex + " are";
        return new InputFailure(ViolationCode.ENCODING, hex.toString(), "the " + what + " not valid UTF-8"
                + " (byte offset " + Text.count(offset) + "): save the file as UTF-8; reading stops here");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static void closeQuietly(InputStream in, Throwable failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * A gzip stream whose format errors (corrupt or truncated data) become {@link InputFailure}s, so that
     * they are told apart from a failing disk.
     */
    private static final class GuardedGzipStream extends InputStream {

        private final GzipMembers in;

        GuardedGzipStream(GzipMembers in) {
            this.in = in;
        }

        static InputFailure corrupt(GzipMembers.FormatException cause) {
            return new InputFailure(ViolationCode.ENCODING, "the gzip data is corrupt or truncated (" + cause.text()
                    + "): what follows cannot be read", cause);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (GzipMembers.FormatException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            try {
                return in.read(target, offset, length);
            } catch (GzipMembers.FormatException e) {
                throw corrupt(e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
