package org.conversionkit.model.internal;

import org.jspecify.annotations.Nullable;

/**
 * The ASCII character classes the rules and readers test, written once. They take an {@code int} so that a
 * {@code char}, a code point and a byte read as {@code b & 0xFF} are all tested the same way, and anything
 * outside ASCII is in none of the classes.
 */
public final class Ascii {

    private Ascii() {
    }

    /**
     * Returns whether {@code c} is an ASCII digit, {@code 0} to {@code 9} (not the other Unicode digits
     * {@link Character#isDigit(char)} takes).
     *
     * @param c the character
     * @return whether it is a digit
     */
    public static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Returns whether {@code c} is an ASCII hexadecimal digit, either case.
     *
     * @param c the character
     * @return whether it is a hex digit
     */
    public static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Returns whether {@code c} is an ASCII letter, either case.
     *
     * @param c the character
     * @return whether it is a letter
     */
    public static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Returns whether {@code c} may follow the first letter of a URL scheme (RFC 3986 section 3.1): a letter, a
     * digit, {@code +}, {@code -} or {@code .}.
     *
     * @param c the character
     * @return whether it is a scheme character
     */
    public static boolean isSchemeChar(int c) {
        return isAsciiLetter(c) || isDigit(c) || c == '+' || c == '-' || c == '.';
    }

    /**
     * Returns the character at an index of a text held as characters or as a string: the one accessor by which a
     * fast path is written once for both (the choice is the same for every character of a call, a test the JIT
     * compiler takes out of the loops).
     *
     * @param chars  the characters, or {@code null} when the text is {@code string}
     * @param string the string, read only when {@code chars} is {@code null}
     * @param index  the index
     * @return the character
     */
    public static char at(char @Nullable [] chars, String string, int index) {
        return chars != null ? chars[index] : string.charAt(index);
    }
}
