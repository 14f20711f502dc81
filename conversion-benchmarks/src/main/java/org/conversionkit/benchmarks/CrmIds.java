package org.conversionkit.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * CRM ids for the duplicate check's benchmark (issue 14, item 5): ordinary ids, and ids crafted against the
 * fixed-seed 64-bit hash the check used until it switched to a keyed SipHash ({@link OldHash}, kept here only to
 * craft them). The old hash is invertible: for a chosen hash and the first characters of an id, the last four
 * characters that give that hash are computed, so any number of colliding ids can be made, as fast as they are
 * written.
 *
 * <ul>
 * <li>{@link Kind#ORDINARY}: {@code ORDER-0000001}, {@code ORDER-0000002}, …</li>
 * <li>{@link Kind#SAME_HASH}: ids that all have the old hash of {@code ORDER-01} (the pair of issue 14 among them:
 *     {@code QRDE\u24b3\u65df\uf2ad\u2b2e}): under the old check every one after the first was a false
 *     {@code DUPLICATE_RECORD}.</li>
 * <li>{@link Kind#SAME_SLOT}: distinct old hashes that share their top 8 bits and their low 32 bits, so that the old
 *     table put them all in one segment and one slot: each one probed past all those before it, a cost quadratic in
 *     their number (issue 14: 320,000 took 80 s, against 1.5 s for ordinary ids).</li>
 * </ul>
 * Every id is text a JSON string holds without escapes: no control character, quote, backslash or surrogate.
 */
public final class CrmIds {

    /** The kinds of ids. */
    public enum Kind {
        /** Sequential ids. */
        ORDINARY,
        /** Ids with one old hash. */
        SAME_HASH,
        /** Ids whose old hashes share a segment and a slot of the old table. */
        SAME_SLOT
    }

    /** The old hash of {@code ORDER-01}: the target of the crafted ids. */
    static final long TARGET = OldHash.of("ORDER-01");

    private CrmIds() {
    }

    /**
     * Returns a generator of ids of a kind: the id of each index from 0, or {@code null} for an index that gives
     * none (its last four characters would need escapes); ids of distinct indexes differ.
     *
     * @param kind the kind
     * @return the generator
     */
    static LongFunction<String> generator(Kind kind) {
        return switch (kind) {
            case ORDINARY -> i -> String.format(Locale.ROOT, "ORDER-%07d", i + 1);
            // Eight characters before the solved four: one target, any number of ids.
            case SAME_HASH -> i -> OldHash.solve(String.format(Locale.ROOT, "Q%07d", i), TARGET);
            // Four characters before the solved four, as the pair of issue 14: the middle 24 bits of the target
            // vary, the top 8 and the low 32 stay.
            case SAME_SLOT -> i -> i >= 1L << 24 ? null
                    : OldHash.solve("QRDE", (TARGET & 0xFF000000_FFFFFFFFL) | i << 32);
        };
    }

    /**
     * Writes a snapshot CRM feed of ids of a kind, one record a line, the SegmentStream document's fields.
     *
     * @param file  the file, replaced if it exists
     * @param kind  the kind of ids
     * @param count how many records
     * @return the chars written
     * @throws IOException if the file cannot be written
     */
    public static long write(Path file, Kind kind, int count) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            return write(out, kind, count);
        }
    }

    /**
     * Writes a snapshot CRM feed of ids of a kind.
     *
     * @param out   where to write; not closed
     * @param kind  the kind of ids
     * @param count how many records
     * @return the chars written
     * @throws IOException if writing fails
     */
    public static long write(Writer out, Kind kind, int count) throws IOException {
        LongFunction<String> ids = generator(kind);
        long chars = 0;
        int written = 0;
        for (long i = 0; written < count; i++) {
            String id = ids.apply(i);
            if (id == null) {
                if (kind == Kind.SAME_SLOT && i >= 1L << 24) {
                    throw new IllegalArgumentException("at most about 14 million ids of kind " + kind);
                }
                continue;
            }
            String line = "{\"orderId\":\"" + id + "\",\"createdAt\":\"2020-01-10\",\"updatedAt\":\"2020-01-15\","
                    + "\"currency\":\"USD\",\"total\":120.13,\"status\":\"delivered\",\"userId\":\"U1\"}\n";
            out.write(line);
            chars += line.length();
            written++;
        }
        return chars;
    }

    /**
     * The fixed-seed hash of the CRM duplicate check before issue 14 (MurmurHash3 x64's block mixing over the UTF-16
     * chars, four a block, and its {@code fmix64}), and its inverse. Every step is a bijection of 64-bit words, which
     * is why ids can be solved for any hash.
     */
    static final class OldHash {

        private static final long C1 = 0x87c37b91114253d5L;
        private static final long C2 = 0x4cf5ad432745937fL;
        private static final long SEED = 0x9e3779b97f4a7c15L;
        private static final long ADD = 0x52dce729;
        private static final long FMIX1 = 0xff51afd7ed558ccdL;
        private static final long FMIX2 = 0xc4ceb9fe1a85ec53L;

        private OldHash() {
        }

        /** Hashes a text, as the old check did. */
        static long of(CharSequence text) {
            int length = text.length();
            long h = SEED ^ (length * C2);
            int i = 0;
            for (; i + 4 <= length; i += 4) {
                h = block(h, text.charAt(i) | (long) text.charAt(i + 1) << 16 | (long) text.charAt(i + 2) << 32
                        | (long) text.charAt(i + 3) << 48);
            }
            long tail = 0;
            for (int shift = 0; i < length; i++, shift += 16) {
                tail |= (long) text.charAt(i) << shift;
            }
            return fmix(block(h, tail) ^ length);
        }

        /**
         * Returns the id that is {@code prefix} and four more characters and has the old hash {@code target}, or
         * {@code null} when those characters would need escapes in JSON.
         *
         * @param prefix the first characters, a multiple of four
         * @param target the hash
         * @return the id, or {@code null}
         */
        static String solve(String prefix, long target) {
            int length = prefix.length() + 4;
            long h = SEED ^ (length * C2);
            for (int i = 0; i < prefix.length(); i += 4) {
                h = block(h, prefix.charAt(i) | (long) prefix.charAt(i + 1) << 16
                        | (long) prefix.charAt(i + 2) << 32 | (long) prefix.charAt(i + 3) << 48);
            }
            // Backwards from the target: fmix64, the length, the empty tail's block, then the block solved for.
            long afterTail = unfmix(target) ^ length;
            long afterLast = unblock(afterTail) ^ mix(0);
            long mixed = unblock(afterLast) ^ h;
            long block = unmix(mixed);
            StringBuilder id = new StringBuilder(length).append(prefix);
            for (int shift = 0; shift < 64; shift += 16) {
                char c = (char) (block >>> shift);
                if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                    return null;
                }
                id.append(c);
            }
            return id.toString();
        }

        private static long mix(long k) {
            return Long.rotateLeft(k * C1, 31) * C2;
        }

        private static long unmix(long mixed) {
            return Long.rotateRight(mixed * inverse(C2), 31) * inverse(C1);
        }

        private static long block(long h, long k) {
            return Long.rotateLeft(h ^ mix(k), 27) * 5 + ADD;
        }

        /** Returns {@code h ^ mix(k)} from {@code block(h, k)}. */
        private static long unblock(long after) {
            return Long.rotateRight((after - ADD) * inverse(5), 27);
        }

        private static long fmix(long h) {
            long x = h;
            x ^= x >>> 33;
            x *= FMIX1;
            x ^= x >>> 33;
            x *= FMIX2;
            x ^= x >>> 33;
            return x;
        }

        private static long unfmix(long h) {
            // x ^= x >>> 33 is its own inverse; a product by an odd number is undone by its inverse mod 2^64.
            long x = h;
            x ^= x >>> 33;
            x *= inverse(FMIX2);
            x ^= x >>> 33;
            x *= inverse(FMIX1);
            x ^= x >>> 33;
            return x;
        }

        /** The inverse of an odd number modulo 2^64, by Newton's iteration. */
        static long inverse(long odd) {
            long x = odd;
            for (int i = 0; i < 5; i++) {
                x *= 2 - odd * x;
            }
            return x;
        }
    }
}
