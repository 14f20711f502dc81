package org.conversionkit.csv.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Replays the characters read ahead for sniffing the delimiter, then reads on from the input, noting when the
 * input has ended (a parse error after the end is an unterminated quote), and which buffer it filled last: the
 * parser's, which an {@link OverflowProbe} looks into when it overflows.
 *
 * <p>It also keeps what it handed out since a position the record handler names (the start of a recent record,
 * {@link #keepFrom(long)}), so that the record source can read the input again from there through a
 * {@link QuoteFilter} ({@link #replayFrom(long)}): what the parser read wrongly, a quoted value after white
 * space, is read again rightly. Keeping costs one copy of each character; the characters kept are those of the
 * last two records and of the parser's read-ahead, at most {@code maxKept} (past it, nothing before the read
 * position can be read again until the next record starts).
 *
 * <p>The handler locates a field by its index in the parser's buffer: the parser always reads into its buffer
 * right behind the characters it still holds, which it moves to the buffer's start first, so that index
 * {@code i} of the buffer it reads into holds the character at position {@code position - offset + i} of the
 * input ({@link #positionOf(char[], int)}).
 */
final class PrefixReader extends ParserInput {

    private char[] prefix;
    private int length;
    private final Reader rest;
    private int prefixPosition;

    /** The position in the input of the next character handed out. */
    private long position;
    /** The buffer of the last read, and the input position of its index 0. */
    private char @Nullable [] baseTarget;
    private long base;

    /** The characters kept: those from input position {@link #keptStart} on. */
    private char[] kept = new char[0];
    private int keptLength;
    private long keptStart;
    /** The first position still needed; -1 once keeping has ended (the input is read again). */
    private long keepFrom;
    private final int maxKept;
    /** The failure that ended reading ahead, thrown where the text read ahead ends; {@code null} if none. */
    private final @Nullable IOException failure;

    PrefixReader(char[] prefix, int length, Reader rest, int maxKept, @Nullable IOException failure) {
        this.prefix = prefix;
        this.length = length;
        this.rest = rest;
        this.maxKept = maxKept;
        this.failure = failure;
    }

    @Override
    public int read(char[] target, int offset, int count) throws IOException {
        baseTarget = target;
        base = position - offset;
        int read;
        if (prefixPosition < length) {
            read = Math.min(count, length - prefixPosition);
            System.arraycopy(prefix, prefixPosition, target, offset, read);
            prefixPosition += read;
            if (prefixPosition == length) {
                // Replayed: the text read ahead, up to maxRecordSize, need not stay in memory.
                prefix = new char[0];
                prefixPosition = 0;
                length = 0;
            }
        } else {
            IOException failed = failure;
            if (failed != null) {
                throw failed;
            }
            read = rest.read(target, offset, count);
            if (read < 0) {
                end();
                return read;
            }
        }
        filled(target, offset + read);
        keep(target, offset, read);
        position += read;
        return read;
    }

    /** Keeps characters handed out, dropping those before {@link #keepFrom} first. */
    private void keep(char[] source, int offset, int count) {
        if (keepFrom < 0) {
            return;
        }
        int drop = (int) Math.min(keptLength, keepFrom - keptStart);
        if (drop > 0 && drop >= keptLength >>> 1) {
            System.arraycopy(kept, drop, kept, 0, keptLength - drop);
            keptLength -= drop;
            keptStart += drop;
        }
        if ((long) keptLength + count > maxKept) {
            // Too much to keep: nothing before this read can be read again.
            keptLength = 0;
            keptStart = position + count;
            return;
        }
        if (keptLength + count > kept.length) {
            kept = Arrays.copyOf(kept, Math.min(maxKept, Math.max(keptLength + count, 2 * kept.length + 8192)));
        }
        System.arraycopy(source, offset, kept, keptLength, count);
        keptLength += count;
    }

    /**
     * Returns the input position of a character in the buffer of the last read.
     *
     * @param buffer the parser's buffer
     * @param index  the character's index in it
     * @return the position, or -1 when the buffer is not the one of the last read
     */
    long positionOf(char[] buffer, int index) {
        return buffer == baseTarget ? base + index : -1;
    }

    /**
     * Declares that nothing before a position will be read again: it need not be kept.
     *
     * @param from the position
     */
    void keepFrom(long from) {
        if (keepFrom >= 0 && from > keepFrom) {
            keepFrom = from;
        }
    }

    /**
     * Returns whether the input can be read again from a position.
     *
     * @param from the position
     * @return {@code true} when every character from there is kept
     */
    boolean canReplayFrom(long from) {
        return keepFrom >= 0 && from >= keptStart && from <= position;
    }

    /**
     * Returns the input again from a position: the characters kept from there, then what this reader has not
     * handed out yet. Nothing is kept any more.
     *
     * @param from the position; {@link #canReplayFrom(long)} must hold
     * @return the reader, which closes this one
     */
    Reader replayFrom(long from) {
        if (!canReplayFrom(from)) {
            throw new IllegalStateException("position " + from + " is no longer kept");
        }
        char[] again = Arrays.copyOfRange(kept, (int) (from - keptStart), keptLength);
        keepFrom = -1;
        kept = new char[0];
        keptLength = 0;
        return new Replay(again, this);
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }

    /** Characters read again, then the reader they came from. */
    private static final class Replay extends Reader {

        private final char[] again;
        private final Reader then;
        private int next;

        Replay(char[] again, Reader then) {
            this.again = again;
            this.then = then;
        }

        @Override
        public int read(char[] target, int offset, int count) throws IOException {
            if (next < again.length) {
                int copied = Math.min(count, again.length - next);
                System.arraycopy(again, next, target, offset, copied);
                next += copied;
                return copied;
            }
            return then.read(target, offset, count);
        }

        @Override
        public void close() throws IOException {
            then.close();
        }
    }
}
