package org.conversionkit.model.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses gzip data (RFC 1952) strictly, member after member, as {@code gzip -dc} does: every member of a
 * concatenated file is read, and each one's header, compressed data, CRC-32 and length are checked.
 *
 * <p>{@link java.util.zip.GZIPInputStream} reads following members too, but takes a damaged header of a later
 * member, or bytes after the last member that are not gzip data, for the end of the data, silently: half a file
 * would then pass as a whole one. Here each of these is a {@link FormatException} that says which member and which
 * byte of the compressed input: a damaged or truncated member, a checksum or length that does not match, bytes
 * after the last member. Bad data is told apart from a failing input, whose own {@link IOException} passes through.
 *
 * <p>Not thread-safe. Closing closes the compressed input.
 */
public final class GzipMembers extends InputStream {

    private static final int ID1 = 0x1f;
    private static final int ID2 = 0x8b;
    private static final int DEFLATE = 8;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED = 0xE0;

    /** Malformed gzip data: bad data, not a failing input. */
    public static final class FormatException extends IOException {

        private static final long serialVersionUID = 1L;

        /** The message, which the exception's own accessor may not return as given. */
        private final String text;

        FormatException(String message) {
            super(message);
            this.text = message;
        }

        /**
         * Returns what is wrong and where, for a person.
         *
         * @return e.g. "member 2, at byte 1,234 of the compressed data, has a damaged header"
         */
        public String text() {
            return text;
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] single = new byte[1];
    private int position;
    private int limit;
    /** Compressed bytes read before {@code buffer[0]}. */
    private long base;
    private int member;
    private long memberStart;
    private long memberLength;
    private boolean ended;
    private boolean closed;

    /**
     * Reads the first member's header.
     *
     * @param in the compressed input, at its start
     * @throws FormatException if it does not start with a gzip header
     * @throws IOException     if the input cannot be read
     */
    public GzipMembers(InputStream in) throws IOException {
        this.in = Objects.requireNonNull(in, "in");
        readHeader();
    }

    @Override
    public int read() throws IOException {
        int count = read(single, 0, 1);
        return count < 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (closed) {
            throw new IOException("the stream is closed");
        }
        if (length == 0) {
            return 0;
        }
        while (!ended) {
            if (inflater.needsInput()) {
                if (!fill()) {
                    throw problem("is cut short: the data ends inside it; the file was not written or copied"
                            + " completely");
                }
                inflater.setInput(buffer, position, limit - position);
                position = limit;
            }
            int count;
            try {
                count = inflater.inflate(target, offset, length);
            } catch (DataFormatException e) {
                throw problem("is corrupt (" + e.getMessage() + ")");
            }
            if (count > 0) {
                crc.update(target, offset, count);
                memberLength += count;
                return count;
            }
            if (inflater.finished()) {
                position = limit - inflater.getRemaining();
                endMember();
            } else if (inflater.needsDictionary()) {
                throw problem("asks for a preset dictionary, which gzip does not have");
            }
        }
        return -1;
    }

    /** Checks the trailer of the member just inflated, then reads the next member's header, if any. */
    private void endMember() throws IOException {
        long expectedCrc = readInt();
        long expectedLength = readInt();
        if (expectedCrc != crc.getValue()) {
            throw problem("has a CRC-32 that does not match its data: it is damaged");
        }
        if (expectedLength != (memberLength & 0xFFFF_FFFFL)) {
            throw problem("has a length that does not match its data: it is damaged");
        }
        if (!fill()) {
            ended = true;
            return;
        }
        readHeader();
    }

    /** Reads and checks a member's header; the position is at its first byte. */
    private void readHeader() throws IOException {
        member++;
        memberStart = base + position;
        CRC32 headerCrc = new CRC32();
        int id1 = headerByte(headerCrc);
        int id2 = position < limit || fill() ? headerByte(headerCrc) : -1;
        if (id1 == ID1 && id2 < 0) {
            throw problem("is cut short: the data ends inside its header");
        }
        if (id1 != ID1 || id2 != ID2) {
            if (member == 1) {
                throw new FormatException("the data does not start with a gzip header: it is not gzip-compressed");
            }
            long trailing = base + position - memberStart + remaining();
            throw new FormatException("the " + count(trailing) + (trailing == 1 ? " byte" : " bytes")
                    + " after the last gzip member, from byte " + count(memberStart)
                    + " of the compressed data, are not gzip data: remove them, or compress the file again");
        }
        if (headerByte(headerCrc) != DEFLATE) {
            throw problem("is not compressed with deflate, the only method gzip defines");
        }
        int flags = headerByte(headerCrc);
        if ((flags & RESERVED) != 0) {
            throw problem("has a damaged header (reserved flags are set)");
        }
        for (int i = 0; i < 6; i++) {
            headerByte(headerCrc);
        }
        if ((flags & FEXTRA) != 0) {
            int extra = headerByte(headerCrc) | headerByte(headerCrc) << 8;
            for (int i = 0; i < extra; i++) {
                headerByte(headerCrc);
            }
        }
        if ((flags & FNAME) != 0) {
            while (headerByte(headerCrc) != 0) {
                // The original file name, not needed.
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (headerByte(headerCrc) != 0) {
                // A comment, not needed.
            }
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) (headerCrc.getValue() & 0xFFFF);
            if ((nextByte() | nextByte() << 8) != expected) {
                throw problem("has a damaged header (its checksum does not match)");
            }
        }
        inflater.reset();
        crc.reset();
        memberLength = 0;
    }

    private static String count(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    private long remaining() throws IOException {
        // How many bytes follow, for the message of trailing data: read them all (there are few, or the message
        // would say a large number, which is right too), without keeping them.
        long count = (long) limit - position;
        position = limit;
        while (fill()) {
            count += limit - position;
            position = limit;
        }
        return count;
    }

    private int headerByte(CRC32 headerCrc) throws IOException {
        int b = nextByte();
        headerCrc.update(b);
        return b;
    }

    private long readInt() throws IOException {
        return nextByte() | (long) nextByte() << 8 | (long) nextByte() << 16 | (long) nextByte() << 24;
    }

    private int nextByte() throws IOException {
        if (position == limit && !fill()) {
            throw problem("is cut short: the data ends inside it; the file was not written or copied completely");
        }
        return buffer[position++] & 0xFF;
    }

    /** Makes at least one more byte available; returns false at the end of the input. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        base += limit;
        position = 0;
        limit = 0;
        int count;
        do {
            count = in.read(buffer, 0, buffer.length);
        } while (count == 0);
        if (count < 0) {
            return false;
        }
        limit = count;
        return true;
    }

    private FormatException problem(String what) {
        return new FormatException("gzip member " + member + ", which starts at byte " + count(memberStart)
                + " of the compressed data, " + what);
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            inflater.end();
            in.close();
        }
    }
}
