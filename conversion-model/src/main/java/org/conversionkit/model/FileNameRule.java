package org.conversionkit.model;

/**
 * Whether a conversion file's name is part of its check (one file a day, named by its date).
 */
public enum FileNameRule {
    /**
     * The default: a named file is held to the name rules ({@code FILENAME_NO_DATE},
     * {@code FILENAME_MULTIPLE_DATES}, {@code FILENAME_DATE_INVALID}, in the report), and its rows to the
     * date in its name unless the profile sets a date. An input without a name has neither.
     */
    CHECK,
    /**
     * The name plays no part: no name rule, and rows are held only to the date the profile sets, if any.
     * For services that receive files under names of their own.
     */
    IGNORE
}
