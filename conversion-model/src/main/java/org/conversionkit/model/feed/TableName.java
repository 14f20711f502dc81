package org.conversionkit.model.feed;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The BigQuery table a feed is imported into, {@code PROJECT.DATASET.TABLE}, checked against
 * Google Cloud's and BigQuery's naming rules.
 *
 * <ul>
 *   <li>Project id: 6 to 30 characters, lower-case ASCII letters, digits and hyphens, beginning
 *       with a letter and not ending with a hyphen (legacy domain-scoped ids such as
 *       {@code example.com:project} are not supported).</li>
 *   <li>Dataset name: 1 to {@value #MAX_DATASET_LENGTH} ASCII letters, digits and underscores.</li>
 *   <li>Table name: 1 to {@value #MAX_TABLE_BYTES} bytes in UTF-8, of Unicode letters, marks,
 *       numbers, connector punctuation (such as {@code _}), dashes and spaces (general categories
 *       L, M, N, Pc, Pd, Zs): {@code table 01}, {@code étudiant-01} and {@code 00_お客様} are
 *       table names. Which characters are letters follows the running JDK's Unicode version.</li>
 * </ul>
 *
 * <p>A feed imported day by day goes to one table per day, {@code TABLE_YYYYMMDD}
 * ({@link #forDate(LocalDate)}): {@code example-project.dataset_name.destination_table_name} on
 * 20 January 2020 is {@code example-project.dataset_name.destination_table_name_20200120}.
 *
 * @param project the Google Cloud project id, e.g. {@code example-project}
 * @param dataset the dataset name, e.g. {@code dataset_name}
 * @param table   the table name, e.g. {@code destination_table_name}
 */
public record TableName(String project, String dataset, String table) {

    /** The shortest project id. */
    public static final int MIN_PROJECT_LENGTH = 6;
    /** The longest project id. */
    public static final int MAX_PROJECT_LENGTH = 30;
    /** The longest dataset name, in characters. */
    public static final int MAX_DATASET_LENGTH = 1024;
    /** The longest table name, in UTF-8 bytes. */
    public static final int MAX_TABLE_BYTES = 1024;

    private static final String FORM =
            "PROJECT.DATASET.TABLE, e.g. example-project.dataset_name.destination_table_name";

    /**
     * Checks each part against its naming rule.
     *
     * @param project the Google Cloud project id, e.g. {@code example-project}
     * @param dataset the dataset name, e.g. {@code dataset_name}
     * @param table   the table name, e.g. {@code destination_table_name}
     * @throws IllegalArgumentException if a part breaks its rule; the message names the rule
     */
    public TableName {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(table, "table");
        checkProject(project);
        checkDataset(dataset);
        checkTable(table);
    }

    /**
     * Parses a table name written {@code PROJECT.DATASET.TABLE}.
     *
     * @param name e.g. {@code example-project.dataset_name.destination_table_name}
     * @return the table name
     * @throws IllegalArgumentException if the name has not three parts or a part breaks its rule
     */
    public static TableName parse(String name) {
        Objects.requireNonNull(name, "name");
        int first = name.indexOf('.');
        int second = first < 0 ? -1 : name.indexOf('.', first + 1);
        if (second < 0 || name.indexOf('.', second + 1) >= 0) {
            int dots = 0;
            for (int i = 0; i < name.length(); i++) {
                dots += name.charAt(i) == '.' ? 1 : 0;
            }
            String hint = dots < 2 ? "it has " + (dots + 1) + " part" + (dots == 0 ? "" : "s")
                    : "it has " + (dots + 1) + " parts; no part may hold a dot"
                            + (name.indexOf(':') >= 0 ? " (domain-scoped project ids are not supported)" : "");
            throw new IllegalArgumentException("'" + shorten(name) + "' is not a table name: " + hint
                    + "; write " + FORM);
        }
        return new TableName(name.substring(0, first), name.substring(first + 1, second),
                name.substring(second + 1));
    }

    /**
     * Returns the table of one day of a feed partitioned by date: {@code TABLE_YYYYMMDD}.
     *
     * @param date the day
     * @return the same project and dataset, the table {@code table + "_" + YYYYMMDD}
     * @throws IllegalArgumentException if the year is not between 0000 and 9999, or the suffix makes
     *                                  the table name longer than {@value #MAX_TABLE_BYTES} UTF-8 bytes
     */
    public TableName forDate(LocalDate date) {
        String suffix = "_" + FeedUrl.basicDate(date);
        int bytes = utf8Length(table);
        if (bytes + suffix.length() > MAX_TABLE_BYTES) {
            // The name was checked alone: say that the date's suffix is what does not fit.
            throw new IllegalArgumentException("the table name '" + shorten(table) + "' has " + bytes + " bytes, and"
                    + " with the suffix " + suffix + " of the table of " + date + " it has "
                    + (bytes + suffix.length()) + " UTF-8 bytes: a table name has at most " + MAX_TABLE_BYTES
                    + ", so the name of a table partitioned by date has at most "
                    + (MAX_TABLE_BYTES - suffix.length()) + " UTF-8 bytes before its _YYYYMMDD");
        }
        return new TableName(project, dataset, table + suffix);
    }

    /**
     * Returns the name as BigQuery writes it.
     *
     * @return {@code project.dataset.table}
     */
    @Override
    public String toString() {
        return project + "." + dataset + "." + table;
    }

    private static void checkProject(String project) {
        String rule = ": a Google Cloud project id has 6 to 30 characters, lower-case letters, digits and hyphens,"
                + " begins with a letter and does not end with a hyphen";
        int length = project.length();
        if (length < MIN_PROJECT_LENGTH || length > MAX_PROJECT_LENGTH) {
            throw new IllegalArgumentException("the project id '" + shorten(project) + "' has " + length
                    + " characters" + rule);
        }
        for (int i = 0; i < length; i++) {
            char c = project.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                String lower = project.toLowerCase(Locale.ROOT);
                String hint = c >= 'A' && c <= 'Z' && !lower.equals(project) ? " (write it in lower case, " + lower
                        + ", if that is the project)" : "";
                throw new IllegalArgumentException("the project id '" + project + "' holds " + describe(project, i)
                        + rule + hint);
            }
        }
        if (project.charAt(0) < 'a' || project.charAt(0) > 'z') {
            throw new IllegalArgumentException("the project id '" + project + "' does not begin with a letter" + rule);
        }
        if (project.charAt(length - 1) == '-') {
            throw new IllegalArgumentException("the project id '" + project + "' ends with a hyphen" + rule);
        }
    }

    private static void checkDataset(String dataset) {
        String rule = ": a dataset name has 1 to " + MAX_DATASET_LENGTH
                + " characters, ASCII letters, digits and underscores";
        int length = dataset.length();
        if (length == 0 || length > MAX_DATASET_LENGTH) {
            throw new IllegalArgumentException("the dataset name '" + shorten(dataset) + "' has " + length
                    + " characters" + rule);
        }
        for (int i = 0; i < length; i++) {
            char c = dataset.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                throw new IllegalArgumentException("the dataset name '" + shorten(dataset) + "' holds "
                        + describe(dataset, i) + rule + (c == '-' ? " (write _ for -)" : ""));
            }
        }
    }

    private static void checkTable(String table) {
        String rule = ": a table name has 1 to " + MAX_TABLE_BYTES + " UTF-8 bytes of letters, marks, numbers,"
                + " connectors such as _, dashes and spaces";
        if (table.isEmpty()) {
            throw new IllegalArgumentException("the table name is empty" + rule);
        }
        for (int i = 0; i < table.length(); ) {
            int cp = table.codePointAt(i);
            if (!isTableCharacter(cp)) {
                throw new IllegalArgumentException("the table name '" + shorten(table) + "' holds "
                        + describe(table, i) + rule);
            }
            i += Character.charCount(cp);
        }
        int bytes = utf8Length(table);
        if (bytes > MAX_TABLE_BYTES) {
            throw new IllegalArgumentException("the table name '" + shorten(table) + "' has " + bytes
                    + " UTF-8 bytes" + rule);
        }
    }

    /** The length in UTF-8 of a text without unpaired surrogates. */
    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
        }
        return bytes;
    }

    private static boolean isTableCharacter(int cp) {
        switch (Character.getType(cp)) {
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
                return false;
        }
    }

    private static String describe(String text, int i) {
        int cp = text.codePointAt(i);
        String hex = Integer.toHexString(cp).toUpperCase(Locale.ROOT);
        String name = cp > 0x20 && cp < 0x7F ? "'" + (char) cp + "'" : "U+"
                + "0000".substring(Math.min(4, hex.length()))
                + hex;
        return name + " at character " + (i + 1);
    }

    private static String shorten(String text) {
        if (text.length() <= 60) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(58)) ? 58 : 59;
        return text.substring(0, end) + '\u2026';
    }
}
