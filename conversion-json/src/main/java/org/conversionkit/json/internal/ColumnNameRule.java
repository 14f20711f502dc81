package org.conversionkit.json.internal;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * BigQuery's rules for column names (Google's "Specifying a schema" page, "Column names" and "Flexible
 * column names"): at most 300 characters, none of the reserved prefixes, and either the standard form
 * (letters, digits and underscores, not starting with a digit) or, with flexible column names, letters,
 * marks, numbers, connectors, dashes and spaces of any script and {@code & % = + : ' < > # |}.
 */
public final class ColumnNameRule {

    /** The longest column name BigQuery takes, in characters. */
    public static final int MAX_LENGTH = 300;

    /**
     * Prefixes BigQuery reserves for its own columns, compared ignoring case: the list of the "Column names"
     * section ({@code _COLIDENTIFIER} and the change-data-capture pseudo-columns {@code _CHANGE_…} included, which
     * a load refuses as it refuses the others), and {@code _COLON_}.
     */
    private static final List<String> RESERVED_PREFIXES = List.of("_table_", "_file_", "_partition",
            "_row_timestamp", "__root__", "_colidentifier", "_change_sequence_number", "_change_type",
            "_change_timestamp", "_colon_");
    private static final String FLEXIBLE_SYMBOLS = "&%=+:'<>#|";

    private ColumnNameRule() {
    }

    /**
     * Checks a name.
     *
     * @param name     the name
     * @param flexible whether flexible column names are allowed
     * @return why BigQuery refuses it, or {@code null} when it takes it
     */
    public static @Nullable String problem(String name, boolean flexible) {
        if (name.isEmpty()) {
            return "an empty name is not a column name";
        }
        // Characters, not chars: a letter outside the BMP (U+20000 𠀀, a flexible name's) is one character and
        // two chars, so counting chars refused a 200-letter name as 400 characters long.
        int length = name.length() <= MAX_LENGTH ? name.length() : name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            return "a column name has at most " + MAX_LENGTH + " characters, this one " + length;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String prefix : RESERVED_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return "BigQuery reserves the prefix " + prefix.toUpperCase(Locale.ROOT) + " for its own columns";
            }
        }
        return flexible ? flexibleProblem(name) : standardProblem(name);
    }

    private static @Nullable String standardProblem(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return i == 0 && c >= '0' && c <= '9' ? "a column name starts with a letter or an underscore"
                        : "a column name holds letters, digits and underscores only, not "
                                + describe(name.codePointAt(i))
                                + " (flexible column names allow more: --column-names flexible)";
            }
        }
        return null;
    }

    private static @Nullable String flexibleProblem(String name) {
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!isFlexible(c)) {
                return "even a flexible column name cannot hold " + describe(c);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean isFlexible(int c) {
        switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.SPACE_SEPARATOR:
                return true;
            default:
                return c < 0x80 && FLEXIBLE_SYMBOLS.indexOf(c) >= 0;
        }
    }

    /** A character as a message shows it: invisible ones by their code point. */
    private static String describe(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.SPACE_SEPARATOR:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return String.format(Locale.ROOT, "the character U+%04X", c);
            default:
                return "'" + Character.toString(c) + "'";
        }
    }
}
