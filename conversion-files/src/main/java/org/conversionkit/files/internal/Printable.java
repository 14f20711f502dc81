package org.conversionkit.files.internal;

import org.jspecify.annotations.Nullable;

/** Makes text safe for a terminal. */
public final class Printable {

    private Printable() {
    }

    /**
     * Escapes control, bidirectional and other invisible formatting characters as {@code \\uXXXX},
     * so that data from a file can neither garble the terminal nor reorder what is shown.
     *
     * @param text the text
     * @return the text itself when it holds nothing to escape, else its escaped copy
     */
    public static String of(String text) {
        @Nullable StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || (Character.isSurrogate(c) && !validPair(text, i)) || c == '\u2028' || c == '\u2029';
            if (unsafe) {
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

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
