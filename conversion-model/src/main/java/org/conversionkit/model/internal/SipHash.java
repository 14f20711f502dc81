package org.conversionkit.model.internal;

import java.security.SecureRandom;

/**
 * SipHash (Aumasson and Bernstein, 2012): a keyed 64-bit hash, the key of which is drawn at random once per
 * run, so that nobody can compute inputs that collide, or that fill one corner of a hash table, without it. A
 * fixed-seed hash lets anyone compute colliding values offline (done for the CRM duplicate check's former one:
 * {@code ORDER-01} and {@code QRDE\u24b3\u65df\uf2ad\u2b2e}); SipHash's outputs are unpredictable to
 * whoever does not hold the key, so a duplicate check built on it sees a false duplicate only by the chance of
 * random 64-bit values, and a table indexed by them probes as it would for random keys, whatever the input.
 *
 * <p>Two of its variants: SipHash-2-4, the specification's (two rounds a word, four to finish), and SipHash-1-3
 * (one and three), which the keys drawn at random get ({@link #withRandomKey()}). SipHash-1-3 is what Rust's
 * standard hash maps and CPython (3.11 on) use against hash flooding, the job it does here: its designers rate it
 * strong enough for hash tables, where no output is ever shown, and it costs about half as much a word, which a
 * check that hashes every row of a file pays a million times a pass.
 *
 * <p>{@link #hash(byte[], int, int)} is the algorithm as specified, held to the reference test vectors of both
 * variants. The rest
 * hashes without building the bytes: a {@link State} absorbs 64-bit words and texts, and hashes exactly what
 * {@link #hash(byte[], int, int)} hashes for the same bytes (each word as 8 little-endian bytes, a text as
 * {@link State#text(char[], int, int) said there}).
 *
 * <p>Immutable and thread-safe; a {@link State} is not.
 */
public final class SipHash {

    private final long k0;
    private final long k1;
    /** Whether a word takes one round (SipHash-1-3) rather than two (SipHash-2-4). */
    private final boolean oneRound;

    /**
     * Creates SipHash-2-4 of a key.
     *
     * @param k0 the key's first 8 bytes, little-endian
     * @param k1 the key's last 8 bytes, little-endian
     */
    public SipHash(long k0, long k1) {
        this(k0, k1, false);
    }

    private SipHash(long k0, long k1, boolean oneRound) {
        this.k0 = k0;
        this.k1 = k1;
        this.oneRound = oneRound;
    }

    /**
     * Creates SipHash-1-3 of a key.
     *
     * @param k0 the key's first 8 bytes, little-endian
     * @param k1 the key's last 8 bytes, little-endian
     * @return the hash
     */
    public static SipHash sip13(long k0, long k1) {
        return new SipHash(k0, k1, true);
    }

    /**
     * Returns SipHash-1-3 of a key drawn from {@link SecureRandom}: one per check, never written anywhere.
     *
     * @return the hash
     */
    public static SipHash withRandomKey() {
        SecureRandom random = new SecureRandom();
        return sip13(random.nextLong(), random.nextLong());
    }

    /**
     * Hashes bytes, as the specification says.
     *
     * @param data the bytes
     * @param from the first byte
     * @param to   the end, exclusive
     * @return the 64-bit hash
     */
    public long hash(byte[] data, int from, int to) {
        State state = start();
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long m = 0;
            for (int b = Long.BYTES - 1; b >= 0; b--) {
                m = m << 8 | (data[i + b] & 0xFFL);
            }
            state.word(m);
        }
        long last = 0;
        for (int b = to - 1; b >= i; b--) {
            last = last << 8 | (data[b] & 0xFFL);
        }
        return state.finish(last, to - from);
    }

    /**
     * Hashes a text, as {@link State#text(char[], int, int)} absorbs it, then one word of its length and of how it
     * was absorbed: the bytes hashed stand for exactly one text ({@code "a"} and {@code "a\0"} pad to the same
     * word, and differ in length).
     *
     * @param text the text
     * @return the 64-bit hash
     */
    public long hash(CharSequence text) {
        char[] chars = text.toString().toCharArray();
        State state = start();
        boolean wide = state.text(chars, 0, chars.length);
        state.word(chars.length | (wide ? Long.MIN_VALUE : 0));
        return state.finish();
    }

    /**
     * Starts a hash.
     *
     * @return a new state, holding nothing yet
     */
    public State start() {
        State state = new State();
        state.reset(this);
        return state;
    }

    /**
     * A hash in progress: what it has absorbed so far, as SipHash's four words of state and the count of bytes.
     * Reusable: {@link #reset(SipHash)} or {@link #set(State)} starts it again.
     */
    public static final class State {

        private long v0;
        private long v1;
        private long v2;
        private long v3;
        private long bytes;
        private boolean oneRound;

        private State() {
        }

        /**
         * Starts again from nothing, with a key.
         *
         * @param key the hash whose key to use
         */
        public void reset(SipHash key) {
            v0 = key.k0 ^ 0x736f6d6570736575L;
            v1 = key.k1 ^ 0x646f72616e646f6dL;
            v2 = key.k0 ^ 0x6c7967656e657261L;
            v3 = key.k1 ^ 0x7465646279746573L;
            bytes = 0;
            oneRound = key.oneRound;
        }

        /**
         * Starts again from where another state is: what it absorbed is absorbed here too.
         *
         * @param other the state to copy
         */
        public void set(State other) {
            v0 = other.v0;
            v1 = other.v1;
            v2 = other.v2;
            v3 = other.v3;
            bytes = other.bytes;
            oneRound = other.oneRound;
        }

        /**
         * Absorbs 8 bytes, the word's little-endian bytes.
         *
         * @param m the word
         */
        public void word(long m) {
            v3 ^= m;
            round();
            if (!oneRound) {
                round();
            }
            v0 ^= m;
            bytes += Long.BYTES;
        }

        /** SipHash's round on the state: additions, rotations and exclusive ors of its four words. */
        private void round() {
            long a = v0 + v1;
            long b = Long.rotateLeft(v1, 13) ^ a;
            a = Long.rotateLeft(a, 32);
            long c = v2 + v3;
            long d = Long.rotateLeft(v3, 16) ^ c;
            a += d;
            d = Long.rotateLeft(d, 21) ^ a;
            c += b;
            b = Long.rotateLeft(b, 17) ^ c;
            v0 = a;
            v1 = b;
            v2 = Long.rotateLeft(c, 32);
            v3 = d;
        }

        /**
         * Absorbs a text as bytes, padded with zero bytes to a whole number of words: one byte a character when
         * every character is at most U+00FF (ISO 8859-1), else two, little-endian (UTF-16LE). Which of the two
         * is returned, and the caller hashes it and the text's length after the texts, so that the bytes of a
         * record's texts stand for exactly one record.
         *
         * @param chars the characters
         * @param from  the first character
         * @param to    the end, exclusive
         * @return {@code true} when the text was absorbed two bytes a character
         */
        public boolean text(char[] chars, int from, int to) {
            long a = v0;
            long b = v1;
            long c = v2;
            long d = v3;
            long seen = 0;
            int i = from;
            // Eight characters a word: the load of each and one OR to see whether one is past U+00FF, then the two
            // rounds of word(m) written out with the state in locals, as this loop is the hash's hot path. A text
            // past U+00FF is rare: it is absorbed again, two bytes a character, from the state before it.
            for (; i + 8 <= to; i += 8) {
                long c0 = chars[i];
                long c1 = chars[i + 1];
                long c2 = chars[i + 2];
                long c3 = chars[i + 3];
                long c4 = chars[i + 4];
                long c5 = chars[i + 5];
                long c6 = chars[i + 6];
                long c7 = chars[i + 7];
                seen |= c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7;
                long m = c0 | c1 << 8 | c2 << 16 | c3 << 24 | c4 << 32 | c5 << 40 | c6 << 48 | c7 << 56;
                d ^= m;
                // One round or two, unrolled by the compiler; the branch goes the same way for every word.
                for (int round = oneRound ? 1 : 0; round < 2; round++) {
                    a += b;
                    b = Long.rotateLeft(b, 13) ^ a;
                    a = Long.rotateLeft(a, 32);
                    c += d;
                    d = Long.rotateLeft(d, 16) ^ c;
                    a += d;
                    d = Long.rotateLeft(d, 21) ^ a;
                    c += b;
                    b = Long.rotateLeft(b, 17) ^ c;
                    c = Long.rotateLeft(c, 32);
                }
                a ^= m;
            }
            long wordsBefore = bytes;
            long tail = 0;
            for (int shift = 0; i < to; i++, shift += 8) {
                long ch = chars[i];
                seen |= ch;
                tail |= ch << shift;
            }
            if (seen > 0xFF) {
                // Two bytes a character, from the state before the text.
                wide(chars, from, to);
                return true;
            }
            v0 = a;
            v1 = b;
            v2 = c;
            v3 = d;
            bytes = wordsBefore + (long) (to - from - (to - from) % 8);
            if ((to - from) % 8 != 0) {
                word(tail);
            }
            return false;
        }

        /** Absorbs a text two bytes a character, four characters a word, the last word padded with zeros. */
        private void wide(char[] chars, int from, int to) {
            int i = from;
            for (; i + 4 <= to; i += 4) {
                word((long) chars[i] | (long) chars[i + 1] << 16 | (long) chars[i + 2] << 32
                        | (long) chars[i + 3] << 48);
            }
            if (i < to) {
                long tail = 0;
                for (int shift = 0; i < to; i++, shift += 16) {
                    tail |= (long) chars[i] << shift;
                }
                word(tail);
            }
        }

        /**
         * Ends the hash of what was absorbed, a whole number of words.
         *
         * @return the 64-bit hash
         */
        public long finish() {
            return finish(0, bytes);
        }

        /**
         * Ends the hash with SipHash's last block: up to 7 more bytes and the length's low byte.
         *
         * @param last   the bytes after the last whole word, little-endian
         * @param length the count of every byte hashed
         * @return the 64-bit hash
         */
        private long finish(long last, long length) {
            long m = length << 56 | last;
            v3 ^= m;
            round();
            if (!oneRound) {
                round();
            }
            v0 ^= m;
            v2 ^= 0xFF;
            // Three rounds or four: the 3 of SipHash-1-3, the 4 of SipHash-2-4.
            round();
            round();
            round();
            if (!oneRound) {
                round();
            }
            return v0 ^ v1 ^ v2 ^ v3;
        }
    }
}
