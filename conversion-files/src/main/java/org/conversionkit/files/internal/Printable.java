package org.conversionkit.files.internal;

import org.jspecify.annotations.Nullable;

/** Makes text safe for a terminal. */
public final class Printable {

    private Printable() {
    }

    /**
     * Escapes control, bidirectional and other invisible formatting characters as {@code \\uXXXX},
     * so that data from a file can neither garble the terminal nor reorder what is shown, and a backslash
     * followed by {@code u} as {@code \\u005c}, so that every {@code \\u} written is an escape: a value that
     * holds the six characters {@code \\u000a} is not shown as one that holds a line break.
     *
     * @param text the text
     * @return the text itself when it holds nothing to escape, else its escaped copy
     */
    public static String of(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean backslashU) {
        @Nullable StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(text, i) || (backslashU && backslashU(text, i))) {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                String hex = Integer.toHexString(c);
                escaped.append("\\u").append("0000", hex.length(), 4).append(hex);
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    /**
     * Returns a name (of a file, of a delivery) as the text reports begin a line with it: as {@link #of} writes
     * it when it is plain, else in double quotes, written as a JSON string is, {@code "} and {@code \} escaped
     * with a backslash. A name is plain when it is not empty, does not start with {@code "}, and holds no blank
     * (white space or a Unicode space) and nothing {@link #of} escapes: a name such as
     * {@code x.csv: valid (csv)} cannot then make a line of the report start as a verdict.
     *
     * @param name the name
     * @return the name, quoted when it is not plain
     */
    public static String name(String name) {
        if (plain(name)) {
            return name;
        }
        StringBuilder quoted = new StringBuilder(name.length() + 8).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        // Its backslashes are escaped already: each \\u left is an escape.
        return escape(quoted.append('"').toString(), false);
    }

    private static boolean plain(String name) {
        if (name.isEmpty() || name.charAt(0) == '"') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || unsafe(name, i) || backslashU(name, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean backslashU(String text, int i) {
        return text.charAt(i) == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u';
    }

    private static boolean unsafe(String text, int i) {
        char c = text.charAt(i);
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || (Character.isSurrogate(c) && !validPair(text, i)) || c == '\u2028' || c == '\u2029';
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
