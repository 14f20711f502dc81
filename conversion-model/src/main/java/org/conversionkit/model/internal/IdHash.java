package org.conversionkit.model.internal;

/**
 * The keyed 64-bit hash of a CRM id, alone or with three numbers (an {@code updatedAt}): {@link SipHash}-1-3 under a
 * key drawn at random for each instance, so that no id can be crafted to collide with another, nor to crowd one
 * corner of the tables that remember them ({@link LongHashSet}, the feed history's), whatever the input. A
 * fixed-seed hash let anyone compute such ids offline: {@code ORDER-01} and {@code QRDE\u24b3\u65df\uf2ad\u2b2e}
 * had one hash.
 *
 * <p>What is hashed is one byte string that stands for exactly one key: the id's characters as
 * {@link SipHash.State#text(char[], int, int)} absorbs them (one byte a character, or two), the numbers if any, then
 * one word of the id's length and two flags (two bytes a character; numbers). No allocation per id.
 *
 * <p>Not thread-safe: one per feed or history.
 */
final class IdHash {

    private final SipHash hash = SipHash.withRandomKey();
    private final SipHash.State state = hash.start();
    /** The characters of the id being hashed. */
    private char[] chars = new char[32];

    /**
     * Hashes an id.
     *
     * @param id the id
     * @return its keyed hash
     */
    long of(String id) {
        boolean wide = text(id);
        state.word((long) id.length() << 2 | (wide ? 2 : 0));
        return state.finish();
    }

    /**
     * Hashes an id with three numbers.
     *
     * @param id the id
     * @param a  the first number
     * @param b  the second number
     * @param c  the third number
     * @return the keyed hash of the whole key
     */
    long of(String id, long a, long b, long c) {
        boolean wide = text(id);
        state.word(a);
        state.word(b);
        state.word(c);
        state.word((long) id.length() << 2 | (wide ? 2 : 0) | 1);
        return state.finish();
    }

    /** Starts the hash with the id's characters; returns whether they took two bytes each. */
    private boolean text(String id) {
        int length = id.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        id.getChars(0, length, chars, 0);
        state.reset(hash);
        return state.text(chars, 0, length);
    }
}
