package org.conversionkit.model.internal;

import static org.conversionkit.model.internal.Ascii.isDigit;
import static org.conversionkit.model.internal.Ascii.isHexDigit;

import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@code UrlRule}, for the shape nearly every URL of a daily file has, on a string or on a
 * reader's characters: {@code http://} or {@code https://} in lower case; a host name of at most 63 ASCII
 * letters, digits, {@code -}, {@code _} and dots up to the first {@code /} (or the end), with no empty label, no
 * label that begins or ends with {@code -}, no two hyphens in a row, ending in a letter or {@code _}, its last
 * label beginning with one; then printable ASCII, with {@code %XX} escapes and at most one {@code #}.
 * {@code true} only for values the rule's thorough check accepts without a warning; {@code false} means "look
 * closer", not "invalid": user information, a port, a query right after the host, an IPv4 address, a longer
 * host, a label in punycode ({@code xn--}, found by its two hyphens) and a last label that may be a number to a
 * browser ({@code foo.0x4}, {@code foo.0xa}: it begins with a digit) all take the thorough path. Written once
 * for both forms of the text; held to the thorough check, on strings and on characters inside a larger buffer, by
 * {@code RuleDifferentialTest}.
 *
 * <p>Each part is a loop without a branch a typical URL mispredicts (a table load and bit operations per
 * character) but its end: this is the hot path of validation, once a row.
 */
public final class PlainUrl {

    private static final int MIN_LENGTH = 8;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final int HYPHEN = 1;
    private static final int DOT = 2;
    private static final int NOT_HOST = 4;
    private static final int HOST_MASK = 7;
    private static final int NOT_REST = 8;
    /**
     * The products {@code previous * current} of host classes the fast path leaves to the thorough check: a dot
     * then a dot or hyphen (an empty label, a label that begins with {@code -}: 4 and 2), a hyphen then a dot (a
     * label that ends with {@code -}: 2), two hyphens (1: the {@code xn--} of a label in punycode, which the
     * thorough check decodes). A letter makes 0; one multiplication a character, no branch.
     */
    private static final int BAD_LABEL_PAIRS = DOT * DOT | DOT * HYPHEN | HYPHEN * HYPHEN;
    /**
     * For every char: in the low bits its class in a host name (0 for ASCII letters, digits and {@code _},
     * {@link #HYPHEN}, {@link #DOT}, {@link #NOT_HOST} for anything a host name cannot hold, the {@code /} that
     * ends it included), and {@link #NOT_REST} when path, query or fragment cannot hold it as it is (control
     * characters, space, {@code " # % < > \ `}, DEL and everything past ASCII; {@code %}, {@code #} and
     * non-ASCII are then looked at closer). A table load per character, and no comparison with '.' or '-', is
     * what makes the loops fast: a branch at each dot would be mispredicted from URL to URL. Indexed by the char
     * itself: 64 KiB, of which a URL touches the first 128 bytes; on a {@code char[]} one load a character where
     * a Latin-1 table needs a mask and a test of the high byte too took twice the time (measured on the
     * benchmark's URLs).
     */
    private static final byte[] CLASSES = new byte[0x10000];

    static {
        for (int c = 0; c < CLASSES.length; c++) {
            boolean hostName = HostName.isLabelChar(c);
            boolean rest = c > ' ' && c < 0x7F && "\"#%<>\\`".indexOf(c) < 0;
            int host = hostName ? 0 : c == '-' ? HYPHEN : c == '.' ? DOT : NOT_HOST;
            CLASSES[c] = (byte) (host | (rest ? 0 : NOT_REST));
        }
    }

    private PlainUrl() {
    }

    /**
     * Returns whether a URL is plain.
     *
     * @param url the URL
     * @return {@code true} when the URL is valid without a warning
     */
    public static boolean isPlain(String url) {
        return isPlain(null, url, 0, url.length());
    }

    /**
     * Returns whether a URL, as characters, is plain: the same test as {@link #isPlain(String)}.
     *
     * @param chars the characters
     * @param from  the first character of the URL
     * @param to    the end of the URL, exclusive
     * @return {@code true} when the URL is valid without a warning
     */
    public static boolean isPlain(char[] chars, int from, int to) {
        return isPlain(chars, "", from, to);
    }

    /**
     * The test, once, on the characters {@code from} to {@code to} of {@code chars}, or of {@code string} when
     * {@code chars} is {@code null}. Which of the two holds the text is the same for every character of a call: the
     * JIT compiler takes that test out of the loops (loop unswitching), so that each form runs a loop of its own
     * without a branch per character, as two hand-written twins did.
     */
    static boolean isPlain(char @Nullable [] chars, String string, int from, int to) {
        if (to - from < MIN_LENGTH || Ascii.at(chars, string, from) != 'h' || Ascii.at(chars, string, from + 1) != 't'
                || Ascii.at(chars, string, from + 2) != 't' || Ascii.at(chars, string, from + 3) != 'p') {
            return false;
        }
        int colon = Ascii.at(chars, string, from + 4) == 's' ? from + 5 : from + 4;
        if (Ascii.at(chars, string, colon) != ':' || Ascii.at(chars, string, colon + 1) != '/'
                || Ascii.at(chars, string, colon + 2) != '/') {
            return false;
        }
        int hostStart = colon + 3;
        // As if a dot came first: a leading dot or hyphen is an empty label or a label's bad start.
        int previous = DOT;
        int pairs = 0;
        int hostEnd = hostStart;
        for (; hostEnd < to; hostEnd++) {
            int type = CLASSES[Ascii.at(chars, string, hostEnd)] & HOST_MASK;
            if (type > DOT) {
                break;
            }
            pairs |= previous * type;
            previous = type;
        }
        // Past the host, only '/' or the end: a port, user information, a query right after the host or a
        // character a host cannot hold is for the thorough check. The last character ends the last label well;
        // 63 characters at most bound every label too. A last label that begins with a digit may be a number
        // (123, 0x4, 0xa) and is for the thorough check: found from the end, once a URL.
        if (hostEnd == hostStart || hostEnd - hostStart > MAX_LABEL_LENGTH
                || (hostEnd < to && Ascii.at(chars, string, hostEnd) != '/') || (pairs & BAD_LABEL_PAIRS) != 0
                || !isLabelEnd(Ascii.at(chars, string, hostEnd - 1))
                || isDigit(Ascii.at(chars, string, lastLabelStart(chars, string, hostStart, hostEnd)))) {
            return false;
        }
        int bad = 0;
        for (int i = hostEnd; i < to; i++) {
            bad |= CLASSES[Ascii.at(chars, string, i)];
        }
        return (bad & NOT_REST) == 0 || isPlainRest(chars, string, hostEnd, to);
    }

    /** The part after the host when it holds '%' or '#' (or anything else outside the table). */
    private static boolean isPlainRest(char @Nullable [] chars, String string, int from, int to) {
        boolean fragment = false;
        for (int i = from; i < to; i++) {
            char c = Ascii.at(chars, string, i);
            if ((CLASSES[c] & NOT_REST) != 0) {
                if (c == '%' && i + 2 < to && isHexDigit(Ascii.at(chars, string, i + 1))
                        && isHexDigit(Ascii.at(chars, string, i + 2))) {
                    i += 2;
                } else if (c == '#' && !fragment) {
                    fragment = true;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    /** Where the last label of a host begins: after its last dot, or at the host's start. */
    private static int lastLabelStart(char @Nullable [] chars, String string, int hostStart, int hostEnd) {
        int i = hostEnd - 1;
        while (i > hostStart && Ascii.at(chars, string, i - 1) != '.') {
            i--;
        }
        return i;
    }

    /** A host's last character that ends its last label well: a label's character that is not a digit. */
    private static boolean isLabelEnd(char c) {
        return HostName.isLabelChar(c) && !isDigit(c);
    }
}
