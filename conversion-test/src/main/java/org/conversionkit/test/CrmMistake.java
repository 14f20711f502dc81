package org.conversionkit.test;

import java.util.Objects;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.FeedMode;
import org.conversionkit.model.Severity;
import org.conversionkit.model.ViolationCode;

/**
 * A deliberate mistake a {@link CrmFeedFixture} writes into a CRM feed: one extra record each, placed among the
 * generated records by the fixture's seed, located afterwards by {@link WrittenFeed#lineOf(CrmMistake)}.
 *
 * <p>Each mistake produces exactly one violation, of the code, severity and field its documentation gives, and
 * nothing else: the rest of the feed stays valid. The field is named as the feed names it: {@link CrmField#ID} is the
 * profile's id field ({@code orderId} unless the fixture sets another).
 */
public enum CrmMistake {
    /**
     * A generated record written again, later in the feed, with its id and {@code updatedAt}: {@code DUPLICATE_RECORD}
     * on the id field, an error in a snapshot feed (an id twice) and a <em>warning</em> in a daily feed (the same
     * change twice). Needs at least one generated record.
     */
    DUPLICATE_ID(ViolationCode.DUPLICATE_RECORD, CrmField.ID, false),
    /**
     * A record updated the day after the feed's: {@code DATE_MISMATCH}, error, on {@code updatedAt}. Daily feeds
     * only.
     */
    UPDATED_ON_ANOTHER_DAY(ViolationCode.DATE_MISMATCH, CrmField.UPDATED_AT, true),
    /**
     * A record created an hour after it was last updated, both times with the same offset:
     * {@code UPDATED_BEFORE_CREATED}, error, on {@code updatedAt}.
     */
    UPDATED_BEFORE_CREATED(ViolationCode.UPDATED_BEFORE_CREATED, CrmField.UPDATED_AT, false),
    /** A currency in lower case, {@code eur}: {@code CURRENCY_CODE}, error, on {@code currency}. */
    BAD_CURRENCY(ViolationCode.CURRENCY_CODE, CrmField.CURRENCY, false),
    /** A total written as a JSON string, {@code "96.12"}: {@code FIELD_TYPE}, error, on {@code total}. */
    TOTAL_AS_STRING(ViolationCode.FIELD_TYPE, CrmField.TOTAL, false),
    /** A record without its id field: {@code FIELD_MISSING}, error, on the id field. */
    MISSING_ID(ViolationCode.FIELD_MISSING, CrmField.ID, false),
    /** A record without {@code createdAt}: {@code FIELD_MISSING}, error, on {@code createdAt}. */
    MISSING_CREATED_AT(ViolationCode.FIELD_MISSING, CrmField.CREATED_AT, false),
    /**
     * {@code updatedAt} as a JSON number of seconds since 1970, {@code 1579514400}: {@code DATE_FORMAT}, error, on
     * {@code updatedAt}.
     */
    EPOCH_TIMESTAMP(ViolationCode.DATE_FORMAT, CrmField.UPDATED_AT, false),
    /**
     * {@code updatedAt} in SQL form, a space for the {@code T} and no offset ({@code 2020-01-20 10:15:30}):
     * {@code DATE_TIME_SEPARATOR}, a <em>warning</em>, on {@code updatedAt}; the feed stays valid.
     */
    SQL_TIMESTAMP(ViolationCode.DATE_TIME_SEPARATOR, CrmField.UPDATED_AT, false),
    /**
     * {@code createdAt} on the 30th of February: {@code DATE_INVALID}, error, on {@code createdAt}.
     */
    IMPOSSIBLE_DATE(ViolationCode.DATE_INVALID, CrmField.CREATED_AT, false);

    private final ViolationCode code;
    private final CrmField field;
    private final boolean dailyOnly;

    CrmMistake(ViolationCode code, CrmField field, boolean dailyOnly) {
        this.code = code;
        this.field = field;
        this.dailyOnly = dailyOnly;
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
     * Returns the severity of the violation in a feed of a mode.
     *
     * @param mode the feed's mode
     * @return {@link Severity#ERROR}, or {@link Severity#WARNING} for the mistakes that leave the feed valid
     *         ({@link #SQL_TIMESTAMP}; {@link #DUPLICATE_ID} in a daily feed)
     * @throws NullPointerException if the mode is null
     */
    public Severity severityIn(FeedMode mode) {
        Objects.requireNonNull(mode, "mode");
        return this == DUPLICATE_ID && mode == FeedMode.DAILY ? Severity.WARNING : code.defaultSeverity();
    }

    /**
     * Returns the field the violation concerns.
     *
     * @return the field; for {@link CrmField#ID}, the feed names it after its profile's id field
     */
    public CrmField field() {
        return field;
    }

    /**
     * Returns whether the mistake needs a daily feed: a snapshot has no day to miss.
     *
     * @return {@code true} for {@link #UPDATED_ON_ANOTHER_DAY}
     */
    public boolean dailyOnly() {
        return dailyOnly;
    }
}
