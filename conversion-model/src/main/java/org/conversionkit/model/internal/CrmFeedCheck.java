package org.conversionkit.model.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.CrmMapper;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.FeedLimits;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.Severity;
import org.conversionkit.model.ValueKind;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.rules.IsoDateTimeRule;
import org.jspecify.annotations.Nullable;

/**
 * The check of one CRM feed's records, in order: every field rule of a record ({@link CrmMapper}), then the rules
 * across records of the profile's feed mode. One instance per feed, used by the typed reader and the feed
 * validator alike, so that a record the reader delivers is one the validator counts as valid.
 *
 * <ul>
 * <li>Snapshot feed: one record per id; an id seen before is a {@code DUPLICATE_RECORD} error on the later
 *     record.</li>
 * <li>Daily feed: every {@code updatedAt}'s calendar date, as written, is the feed's date, else
 *     {@code DATE_MISMATCH}; the same id with the same {@code updatedAt} twice is a {@code DUPLICATE_RECORD}
 *     warning on the later record.</li>
 * </ul>
 * These rules apply to every record the reader did not reject that has a usable id (and, for the daily rules,
 * a valid {@code updatedAt}), whatever else is wrong with it. Duplicates are remembered as 64-bit hashes, at
 * most {@link FeedLimits#maxTrackedIds()} of them; past the limit one {@code RECORD_TOO_LARGE} error names it
 * and duplicates are no longer detected.
 *
 * <p>Not thread-safe: it remembers the feed's keys.
 */
public final class CrmFeedCheck {

    private static final int ID = CrmField.ID.ordinal();
    private static final int UPDATED_AT = CrmField.UPDATED_AT.ordinal();

    private final CrmMapper mapper;
    private final @Nullable LocalDate feedDate;
    private final FeedLimits limits;
    private @Nullable LongHashSet keys = new LongHashSet();

    /**
     * Creates the check of one feed.
     *
     * @param profile the feed's profile
     */
    public CrmFeedCheck(CrmProfile profile) {
        this.mapper = CrmMapper.of(profile);
        this.feedDate = profile.feedDate();
        this.limits = profile.limits();
    }

    /**
     * Checks the next record of the feed.
     *
     * @param record the record
     * @param sink   receives its violations, in order
     * @return the typed record when the record has no error, else {@code null}
     */
    public @Nullable CrmRecord check(RawRecord record, Consumer<? super Violation> sink) {
        CrmRecord crm = mapper.map(record, sink);
        if (crm == null && record.isRejected()) {
            return null;
        }
        return acrossRecords(record, crm, sink) ? crm : null;
    }

    /** Applies the rules across records; returns whether they found no error. */
    private boolean acrossRecords(RawRecord record, @Nullable CrmRecord crm, Consumer<? super Violation> sink) {
        boolean ok = true;
        CrmDateTime updatedAt = null;
        if (feedDate != null) {
            updatedAt = crm != null ? crm.updatedAt() : updatedAt(record);
            if (updatedAt != null && !updatedAt.date().equals(feedDate)) {
                sink.accept(Violation.of(ViolationCode.DATE_MISMATCH, record.line(), record.record(),
                        CrmField.UPDATED_AT.defaultName(), record.value(UPDATED_AT), "updatedAt "
                                + updatedAt.date() + " is not the feed's date " + feedDate + ": a daily feed holds"
                                + " only the records updated that day; leave this one to the feed of "
                                + updatedAt.date()));
                ok = false;
            }
        }
        LongHashSet seen = keys;
        String id = record.value(ID);
        ValueKind idKind = record.kind(ID);
        if (seen == null || id == null || id.isBlank() || (idKind != ValueKind.STRING && idKind != ValueKind.INTEGER)
                || (feedDate != null && updatedAt == null)) {
            return ok;
        }
        long key;
        if (updatedAt == null) {
            key = Hash64.of(id);
        } else {
            LocalTime time = updatedAt.time();
            ZoneOffset offset = updatedAt.offset();
            key = Hash64.of(id, updatedAt.date().toEpochDay(), time == null ? -1 : time.toNanoOfDay(),
                    offset == null ? Long.MIN_VALUE : offset.getTotalSeconds());
        }
        switch (seen.add(key, limits.maxTrackedIds())) {
            case PRESENT -> {
                Violation duplicate = duplicate(record, id, updatedAt);
                sink.accept(duplicate);
                return ok && !duplicate.isError();
            }
            case FULL -> {
                // Past the limit: let the tables go.
                keys = null;
                sink.accept(Violation.of(ViolationCode.RECORD_TOO_LARGE, record.line(), record.record(),
                        mapper.idField(), id, "the feed holds more than " + limits.maxTrackedIds() + " distinct "
                                + mapper.idField() + (feedDate == null ? "s" : " and updatedAt pairs")
                                + ", the limit maxTrackedIds (" + limits.maxTrackedIds() + "): duplicates are not"
                                + " detected from this record on; raise FeedLimits.maxTrackedIds (16 to 32"
                                + " bytes each) or check the feed in parts"));
                return false;
            }
            default -> {
                return ok;
            }
        }
    }

    private Violation duplicate(RawRecord record, String id, @Nullable CrmDateTime updatedAt) {
        String idField = mapper.idField();
        if (updatedAt == null) {
            return Violation.of(ViolationCode.DUPLICATE_RECORD, record.line(), record.record(), idField, id,
                    idField + " '" + Violation.shorten(id) + "' appears more than once: a snapshot feed holds each"
                            + " record once, with its latest status; keep only the latest");
        }
        return new Violation(ViolationCode.DUPLICATE_RECORD, Severity.WARNING, record.line(), record.column(ID),
                record.record(), idField, id, idField + " '" + Violation.shorten(id) + "' with updatedAt "
                        + record.value(UPDATED_AT) + " appears more than once: a daily feed holds one record per"
                        + " status change; drop the repeated one");
    }

    /** Returns the valid updatedAt of a record the mapper refused for another reason, or null. */
    private static @Nullable CrmDateTime updatedAt(RawRecord record) {
        String value = record.value(UPDATED_AT);
        if (value == null || record.kind(UPDATED_AT) != ValueKind.STRING) {
            return null;
        }
        return IsoDateTimeRule.parse("updatedAt", value, problem -> { });
    }

    /**
     * Returns the mapper of the feed's records.
     *
     * @return the mapper
     */
    public CrmMapper mapper() {
        return mapper;
    }
}
