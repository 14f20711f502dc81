package org.conversionkit.test;

import org.conversionkit.model.Field;
import org.conversionkit.model.Severity;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * A deliberate mistake an {@link ExportFixture} writes into a day's export: one extra record each, placed among the
 * generated rows by the fixture's seed (a header row always first), located afterwards by
 * {@link WrittenExport#lineOf(ExportMistake)}.
 *
 * <p>Each mistake produces exactly one violation, of the code, severity and field its documentation gives, and
 * nothing else: the rest of the file stays valid. The mistakes marked <em>CSV only</em> cannot be written as NDJSON,
 * whose writer takes typed rows (a date is a date there, a revenue a number).
 */
public enum ExportMistake {
    /**
     * A header row, {@code url,date,channel,transactions,revenue}, as the first record: {@code HEADER_ROW}, error,
     * on no field. CSV only.
     */
    HEADER_ROW(ViolationCode.HEADER_ROW, null, true),
    /** A URL without its domain, {@code /shoes/trail-runner-12}: {@code URL_RELATIVE}, error, on {@code url}. */
    RELATIVE_URL(ViolationCode.URL_RELATIVE, Field.URL, false),
    /**
     * A URL without its scheme, {@code www.shop.example/shoes/trail-runner-12}: {@code URL_NO_SCHEME}, a
     * <em>warning</em>, on {@code url}; the file stays valid.
     */
    NO_SCHEME(ViolationCode.URL_NO_SCHEME, Field.URL, false),
    /** A URL of another scheme, {@code ftp://www.shop.example/...}: {@code URL_SCHEME}, error, on {@code url}. */
    OTHER_SCHEME(ViolationCode.URL_SCHEME, Field.URL, false),
    /**
     * A URL with a space in its host, {@code https://www.shop example/...}: {@code URL_INVALID}, error, on
     * {@code url}.
     */
    INVALID_URL(ViolationCode.URL_INVALID, Field.URL, false),
    /** An empty URL: {@code FIELD_MISSING}, error, on {@code url}. CSV only. */
    MISSING_URL(ViolationCode.FIELD_MISSING, Field.URL, true),
    /** A row of the day before the file's: {@code DATE_MISMATCH}, error, on {@code date}. */
    WRONG_DATE(ViolationCode.DATE_MISMATCH, Field.DATE, false),
    /**
     * The file's date written without dashes, {@code 20200922}: {@code DATE_FORMAT}, error, on {@code date}. CSV
     * only.
     */
    DATE_WITHOUT_DASHES(ViolationCode.DATE_FORMAT, Field.DATE, true),
    /**
     * A date of no calendar, the 30th of February of the file's year: {@code DATE_INVALID}, error, on {@code date}.
     * CSV only.
     */
    IMPOSSIBLE_DATE(ViolationCode.DATE_INVALID, Field.DATE, true),
    /** A revenue with a decimal comma, {@code 59,70}: {@code FIELD_TYPE}, error, on {@code revenue}. CSV only. */
    DECIMAL_COMMA(ViolationCode.FIELD_TYPE, Field.REVENUE, true),
    /**
     * Transactions that are not a whole number, {@code 2.5}: {@code FIELD_TYPE}, error, on {@code transactions}. CSV
     * only.
     */
    FRACTIONAL_TRANSACTIONS(ViolationCode.FIELD_TYPE, Field.TRANSACTIONS, true),
    /** A record without its last column (revenue): {@code FIELD_COUNT}, error, on no field. CSV only. */
    MISSING_COLUMN(ViolationCode.FIELD_COUNT, null, true),
    /**
     * A generated row written again, later in the file (the same url, date, channel and device): {@code DUPLICATE_ROW},
     * a <em>warning</em>, on {@code url}, at the later row. Needs at least one generated row.
     */
    DUPLICATE_ROW(ViolationCode.DUPLICATE_ROW, Field.URL, false),
    /** Negative transactions, {@code -3}: {@code NEGATIVE_VALUE}, a <em>warning</em>, on {@code transactions}. */
    NEGATIVE_TRANSACTIONS(ViolationCode.NEGATIVE_VALUE, Field.TRANSACTIONS, false),
    /** A negative revenue, a refund, {@code -59.70}: {@code NEGATIVE_VALUE}, a <em>warning</em>, on {@code revenue}. */
    NEGATIVE_REVENUE(ViolationCode.NEGATIVE_VALUE, Field.REVENUE, false);

    private final ViolationCode code;
    private final @Nullable Field field;
    private final boolean csvOnly;

    ExportMistake(ViolationCode code, @Nullable Field field, boolean csvOnly) {
        this.code = code;
        this.field = field;
        this.csvOnly = csvOnly;
    }

    /**
     * Returns the code of the one violation the mistake produces.
     *
     * @return the code
     */
    public ViolationCode code() {
        return code;
    }

    /**
     * Returns the severity of the violation: its code's default.
     *
     * @return {@link Severity#ERROR}, or {@link Severity#WARNING} for the mistakes that leave a file valid
     */
    public Severity severity() {
        return code.defaultSeverity();
    }

    /**
     * Returns the name of the field the violation concerns, as reports give it.
     *
     * @return the field's name ({@code url}, {@code date}, ...), or {@code null} for a violation of the whole record
     */
    public @Nullable String field() {
        return field == null ? null : field.fieldName();
    }

    /**
     * Returns whether the mistake can only be written to CSV: an NDJSON writer takes typed rows, which cannot hold it.
     *
     * @return {@code true} for a CSV-only mistake
     */
    public boolean csvOnly() {
        return csvOnly;
    }
}
