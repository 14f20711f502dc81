package org.conversionkit.model.rules;

import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The checks of internationalized host names that {@link UrlRule} makes, after the WHATWG URL Standard's
 * host parser, which runs UTS #46 processing (non-transitional, {@code CheckHyphens} off, {@code CheckBidi}
 * and {@code CheckJoiners} on) on every host.
 *
 * <p>Checked: an {@code xn--} label (any case) must be written in ASCII and be valid punycode (RFC 3492),
 * and what it decodes to must be a label UTS #46 accepts in that form: not empty, not ASCII alone, not
 * beginning with {@code xn--} or a combining mark, in NFKC, without upper-case or title-case letters, and
 * made of the characters the rule accepts in a host name in Unicode (letters, digits, combining marks,
 * {@code -} and {@code _}) but those UTS #46 ignores; a label in Unicode must not stand for an {@code xn--}
 * label once normalized (NFKC, lower case); and a host that holds a right-to-left label (a character of
 * bidirectional class R, AL or AN) must satisfy the Bidi Rule of RFC 5893 in every label.
 *
 * <p>Not checked: UTS #46's own mapping table is not carried. Its effect is approximated by NFKC and
 * Java's case properties, which agree with it on every character the rule accepts but a handful whose
 * case folding differs (Cherokee small letters, for instance, which UTS #46 maps to capitals); and the
 * Bidi Rule is applied to labels as written, not as mapped. ContextJ needs no check: the joiners it
 * governs are format characters, which no host name may hold here.
 *
 * <p>Nothing here runs for a host written in ASCII without an {@code xn--} label.
 */
final class Idna {

    /** A label of a host name has at most 63 characters, so it decodes to at most 63 code points. */
    private static final int MAX_LABEL_LENGTH = 63;
    private static final int BASE = 36;
    private static final int T_MIN = 1;
    private static final int T_MAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 0x80;
    private static final int RTL = 1;
    private static final int BIDI_OK = 2;

    private Idna() {
    }

    /**
     * Returns whether a character separates the labels of a host name: the full stop, and the ideographic,
     * full-width and half-width full stops that UTS #46 maps to it.
     *
     * @param c the character
     * @return {@code true} for a label separator
     */
    static boolean isLabelSeparator(char c) {
        return c == '.' || c == '\u3002' || c == '\uFF0E' || c == '\uFF61';
    }

    /**
     * Returns whether UTS #46 ignores a code point that is otherwise a letter or a mark: it drops it from
     * the host, so that the host written is not the host requested. Variation selectors, the combining
     * grapheme joiner, Mongolian free variation selectors, Khmer inherent vowels and the Hangul fillers.
     *
     * @param cp the code point
     * @return {@code true} when UTS #46 ignores it
     */
    static boolean isIgnored(int cp) {
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFFA0
                || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /**
     * Returns whether a code point may not begin a label: a combining mark, or a character that UTS #46
     * maps to one (Thai and Lao AM, the half-width katakana sound marks).
     *
     * @param cp the code point
     * @return {@code true} when no label may begin with it
     */
    static boolean isLeadingMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || cp == 0x0E33 || cp == 0x0EB3 || cp == 0xFF9E || cp == 0xFF9F;
    }

    /**
     * Returns whether the characters of a label begin with {@code xn--} in any case: the prefix of a label
     * in punycode.
     *
     * @param url  the text
     * @param from the label's first character
     * @param to   the label's end, exclusive
     * @return {@code true} for a label in punycode
     */
    static boolean isPunycodeLabel(String url, int from, int to) {
        return to - from >= 4 && (url.charAt(from) | 0x20) == 'x' && (url.charAt(from + 1) | 0x20) == 'n'
                && url.charAt(from + 2) == '-' && url.charAt(from + 3) == '-';
    }

    /**
     * Checks a host name whose labels have passed the rule's own checks of characters and lengths, and that
     * holds a character past ASCII or a label in punycode.
     *
     * @param url  the URL
     * @param from the host's first character
     * @param to   the host's end, exclusive (a trailing separator included)
     * @return {@code null} when the host is good, else why not, for a message
     */
    static @Nullable String check(String url, int from, int to) {
        int[] codePoints = new int[MAX_LABEL_LENGTH];
        boolean rightToLeft = false;
        String bidiFailure = null;
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i < to && !isLabelSeparator(url.charAt(i))) {
                continue;
            }
            if (i > labelStart) {
                int length;
                if (isPunycodeLabel(url, labelStart, i)) {
                    length = decode(url, labelStart + 4, i, codePoints);
                    if (length < 0) {
                        return "its label '" + url.substring(labelStart, i) + "' is not valid punycode";
                    }
                    String reason = checkDecoded(codePoints, length);
                    if (reason != null) {
                        return "its label '" + url.substring(labelStart, i) + "' decodes to " + reason;
                    }
                } else {
                    length = codePoints(url, labelStart, i, codePoints);
                    if (standsForPunycode(url, labelStart, i)) {
                        return "its label '" + url.substring(labelStart, i)
                                + "' reads as an xn-- label once normalized: write punycode in ASCII";
                    }
                }
                int bidi = bidi(codePoints, length);
                rightToLeft |= (bidi & RTL) != 0;
                if ((bidi & BIDI_OK) == 0 && bidiFailure == null) {
                    bidiFailure = url.substring(labelStart, i);
                }
            }
            labelStart = i + 1;
        }
        if (rightToLeft && bidiFailure != null) {
            return "it holds a right-to-left label, and then every label must keep the Bidi Rule of RFC 5893,"
                    + " as in browsers: '" + bidiFailure + "' does not (in such a name every label begins with a"
                    + " letter, holds no letters of the other direction and ends in a letter or digit)";
        }
        return null;
    }

    /**
     * Maps a host the way UTS #46 does for what decides whether it is a number: NFKC, lower case, and the
     * other full stops to {@code .}.
     *
     * @param host the host as written
     * @return the host as a browser reads it, near enough for numbers
     */
    static String mapped(String host) {
        String mapped = Normalizer.normalize(host, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return mapped.replace('\u3002', '.');
    }

    /** A label written in Unicode that NFKC and lower case turn into {@code xn--...}: WHATWG decodes it. */
    private static boolean standsForPunycode(String url, int from, int to) {
        return url.indexOf("--", from) >= 0 && url.indexOf("--", from) < to
                && mapped(url.substring(from, to)).startsWith("xn--");
    }

    private static int codePoints(String url, int from, int to, int[] into) {
        int length = 0;
        for (int i = from; i < to; i += Character.charCount(into[length - 1])) {
            into[length++] = url.codePointAt(i);
        }
        return length;
    }

    /**
     * Checks what a punycode label decodes to, as UTS #46 checks a label it decoded: every code point must
     * be valid as it stands, not merely mapped. Returns the rest of a message, or null.
     */
    private static @Nullable String checkDecoded(int[] codePoints, int length) {
        boolean ascii = true;
        for (int k = 0; k < length; k++) {
            int cp = codePoints[k];
            if (cp < 0x80) {
                continue;
            }
            ascii = false;
            // Named by number only: it may be invisible or a control character.
            if (!UrlRule.isHostLetter(cp) || isIgnored(cp)) {
                return "a label that holds " + UrlRule.codePoint(cp) + ", which a host name cannot hold";
            }
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                return "a label that holds the capital " + UrlRule.codePoint(cp) + ", which punycode never encodes";
            }
        }
        String decoded = new String(codePoints, 0, length);
        if (ascii) {
            return "'" + decoded + "', plain ASCII, which is written as it is, not in punycode";
        }
        if (isLeadingMark(codePoints[0])) {
            return "'" + decoded + "', which begins with a combining mark";
        }
        if (decoded.startsWith("xn--")) {
            return "'" + decoded + "', which begins with xn-- again";
        }
        if (!Normalizer.isNormalized(decoded, Normalizer.Form.NFKC)) {
            return "'" + decoded + "', which is not in normalization form NFKC, as punycode labels are";
        }
        return null;
    }

    /**
     * Decodes the part of a punycode label after {@code xn--} as RFC 3492 (section 6.2) says, the basic code
     * points in lower case as UTS #46 maps them first.
     *
     * @return the number of code points written into {@code into}, or -1 when the text is not punycode
     */
    private static int decode(String text, int from, int to, int[] into) {
        int delimiter = text.lastIndexOf('-', to - 1);
        int length = 0;
        int in = from;
        if (delimiter > from) {
            for (int j = from; j < delimiter; j++) {
                char c = text.charAt(j);
                if (c >= 0x80) {
                    return -1;
                }
                into[length++] = c >= 'A' && c <= 'Z' ? c | 0x20 : c;
            }
            in = delimiter + 1;
        }
        int n = INITIAL_N;
        int i = 0;
        int bias = INITIAL_BIAS;
        while (in < to) {
            int oldI = i;
            int w = 1;
            for (int k = BASE; ; k += BASE) {
                if (in == to) {
                    return -1;
                }
                int digit = digit(text.charAt(in++));
                if (digit < 0 || digit > (Integer.MAX_VALUE - i) / w) {
                    return -1;
                }
                i += digit * w;
                int t = k <= bias ? T_MIN : Math.min(k - bias, T_MAX);
                if (digit < t) {
                    break;
                }
                if (w > Integer.MAX_VALUE / (BASE - t)) {
                    return -1;
                }
                w *= BASE - t;
            }
            bias = adapt(i - oldI, length + 1, oldI == 0);
            if (i / (length + 1) > Integer.MAX_VALUE - n) {
                return -1;
            }
            n += i / (length + 1);
            i %= length + 1;
            if (n > Character.MAX_CODE_POINT || (n >= Character.MIN_SURROGATE && n <= Character.MAX_SURROGATE)
                    || length == into.length) {
                return -1;
            }
            System.arraycopy(into, i, into, i + 1, length - i);
            into[i++] = n;
            length++;
        }
        return length;
    }

    private static int adapt(int delta, int points, boolean first) {
        int d = first ? delta / DAMP : delta / 2;
        d += d / points;
        int k = 0;
        while (d > (BASE - T_MIN) * T_MAX / 2) {
            d /= BASE - T_MIN;
            k += BASE;
        }
        return k + (BASE - T_MIN + 1) * d / (d + SKEW);
    }

    private static int digit(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 26;
        }
        return -1;
    }

    /**
     * The Bidi Rule of RFC 5893 (section 2) for one label: whether it is a right-to-left label, and whether
     * it satisfies the six conditions a label of a host that holds one must satisfy.
     */
    private static int bidi(int[] codePoints, int length) {
        boolean rightToLeft = false;
        boolean european = false;
        boolean arabic = false;
        boolean leftOnly = true;
        boolean rightOnly = true;
        int last = -1;
        for (int k = 0; k < length; k++) {
            byte d = Character.getDirectionality(codePoints[k]);
            switch (d) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> {
                    rightToLeft = true;
                    leftOnly = false;
                }
                case Character.DIRECTIONALITY_ARABIC_NUMBER -> {
                    rightToLeft = true;
                    arabic = true;
                    leftOnly = false;
                }
                case Character.DIRECTIONALITY_EUROPEAN_NUMBER -> european = true;
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> rightOnly = false;
                case Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR,
                        Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR,
                        Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR, Character.DIRECTIONALITY_OTHER_NEUTRALS,
                        Character.DIRECTIONALITY_BOUNDARY_NEUTRAL, Character.DIRECTIONALITY_NONSPACING_MARK -> {
                    // Allowed in labels of either direction.
                }
                default -> {
                    leftOnly = false;
                    rightOnly = false;
                }
            }
            if (d != Character.DIRECTIONALITY_NONSPACING_MARK) {
                last = d;
            }
        }
        byte first = Character.getDirectionality(codePoints[0]);
        boolean ok;
        if (first == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
            ok = leftOnly && (last == Character.DIRECTIONALITY_LEFT_TO_RIGHT
                    || last == Character.DIRECTIONALITY_EUROPEAN_NUMBER);
        } else if (first == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || first == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
            ok = rightOnly && !(european && arabic) && (last == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || last == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                    || last == Character.DIRECTIONALITY_EUROPEAN_NUMBER
                    || last == Character.DIRECTIONALITY_ARABIC_NUMBER);
        } else {
            ok = false;
        }
        return (rightToLeft ? RTL : 0) | (ok ? BIDI_OK : 0);
    }
}
