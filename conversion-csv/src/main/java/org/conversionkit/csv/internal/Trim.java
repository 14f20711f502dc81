package org.conversionkit.csv.internal;

/** Trimming on a character range, with {@link String#strip()}'s notion of white space, without copying. */
final class Trim {

    private Trim() {
    }

    /**
     * Returns the first index in {@code [from, to)} that is not white space.
     *
     * @param text the characters
     * @param from the first index
     * @param to   the index after the last
     * @return the index, {@code to} when all is white space
     */
    static int start(char[] text, int from, int to) {
        int i = from;
        while (i < to && isWhitespace(text[i])) {
            i++;
        }
        return i;
    }

    /**
     * Returns the index after the last character in {@code [from, to)} that is not white space.
     *
     * @param text the characters
     * @param from the first index
     * @param to   the index after the last
     * @return the index, {@code from} when all is white space
     */
    static int end(char[] text, int from, int to) {
        int i = to;
        while (i > from && isWhitespace(text[i - 1])) {
            i--;
        }
        return i;
    }

    /**
     * Returns whether a character is white space as {@link String#strip()} sees it; every such character is
     * in the Basic Multilingual Plane.
     *
     * @param c the character
     * @return {@code true} for white space
     */
    static boolean isWhitespace(char c) {
        // Printable ASCII, the common case, is never white space.
        return (c <= ' ' || c >= '\u0080') && Character.isWhitespace(c);
    }
}
