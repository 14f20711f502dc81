package org.conversionkit.model;

/** Makes values readable in a test's messages. */
public final class Printable {

    private Printable() {
    }

    /**
     * Makes a value readable in a message: control, format and non-ASCII characters as escapes.
     *
     * @param value the value, or {@code null}
     * @return a printable form
     */
    public static String of(String value) {
        if (value == null) {
            return "<null>";
        }
        StringBuilder text = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                text.append(c);
            } else {
                text.append(String.format("\\u%04X", (int) c));
            }
        }
        return text.toString();
    }
}
