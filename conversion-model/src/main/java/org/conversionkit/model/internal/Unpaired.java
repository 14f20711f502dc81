package org.conversionkit.model.internal;

import java.util.List;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * Finds unpaired surrogates, the one thing a Java string can hold that UTF-8 cannot: a writer refuses such a
 * value under every policy, since no file can hold it (an encoder would silently write {@code ?} instead).
 */
public final class Unpaired {

    private Unpaired() {
    }

    /**
     * Returns the index of the first unpaired surrogate of a text.
     *
     * @param text the text
     * @return the index, or -1 when the text is Unicode text
     */
    public static int indexIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The value with each unpaired surrogate replaced by U+FFFD, fit for a report. */
    private static String readable(String value) {
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                text.append(c).append(value.charAt(++i));
            } else {
                text.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return text.toString();
    }

    /**
     * Refuses a row that holds an unpaired surrogate in any value.
     *
     * @param values the row's values; {@code null} ones are skipped
     * @param given  the row's number among the rows given to the writer
     * @throws ConversionDataException ({@code ENCODING}) for the first such value
     */
    public static void refuse(@Nullable String[] values, long given) {
        for (String value : values) {
            if (value != null) {
                refuse(value, null, given);
            }
        }
    }

    /**
     * Refuses a value that holds an unpaired surrogate.
     *
     * @param value the value
     * @param field its field, or {@code null} when unknown
     * @param given the row's number among the rows given to the writer
     * @throws ConversionDataException ({@code ENCODING}) when it does
     */
    public static void refuse(String value, @Nullable String field, long given) {
        int at = indexIn(value);
        if (at >= 0) {
            throw new ConversionDataException(List.of(Violation.of(ViolationCode.ENCODING, given, given, field,
                    readable(value), String.format("the value holds an unpaired surrogate (U+%04X) at character"
                            + " %d: it is not Unicode text, and no UTF-8 file can hold it; fix the text before"
                            + " writing it", (int) value.charAt(at), at + 1))));
        }
    }
}
