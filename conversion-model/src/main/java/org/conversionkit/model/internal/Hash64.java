package org.conversionkit.model.internal;

/**
 * A 64-bit hash of text, for duplicate detection by hash: the UTF-16 chars are taken four at a time
 * as 64-bit blocks and mixed in the manner of MurmurHash3's x64 variant, then finished with its
 * 64-bit avalanche ({@code fmix64}). Not cryptographic; its only job is that distinct ids collide
 * no more often than random 64-bit values would.
 *
 * <p>Written here rather than taken from a library so that the module has no dependency for it.
 */
public final class Hash64 {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final long SEED = 0x9e3779b97f4a7c15L;

    private Hash64() {
    }

    /**
     * Hashes a text.
     *
     * @param text the text
     * @return its 64-bit hash
     */
    public static long of(CharSequence text) {
        return finish(chars(start(text.length()), text), text.length());
    }

    /**
     * Hashes a text followed by three numbers, for keys made of several parts (an id and a date-time).
     *
     * @param text the text
     * @param a    the first number
     * @param b    the second number
     * @param c    the third number
     * @return the 64-bit hash of the whole key
     */
    public static long of(CharSequence text, long a, long b, long c) {
        long h = chars(start(text.length()), text);
        h = block(h, a);
        h = block(h, b);
        h = block(h, c);
        return finish(h, text.length() + 12L);
    }

    private static long start(int length) {
        return SEED ^ (length * C2);
    }

    private static long chars(long h, CharSequence text) {
        int length = text.length();
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            h = block(h, text.charAt(i) | (long) text.charAt(i + 1) << 16 | (long) text.charAt(i + 2) << 32
                    | (long) text.charAt(i + 3) << 48);
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 16) {
            tail |= (long) text.charAt(i) << shift;
        }
        // The tail block is always mixed: the length in the seed tells "a" from "a\0".
        return block(h, tail);
    }

    private static long block(long h, long k) {
        k *= C1;
        k = Long.rotateLeft(k, 31);
        k *= C2;
        h ^= k;
        h = Long.rotateLeft(h, 27);
        return h * 5 + 0x52dce729;
    }

    private static long finish(long h, long length) {
        h ^= length;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
