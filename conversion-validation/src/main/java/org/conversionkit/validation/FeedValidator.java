package org.conversionkit.validation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.CrmMapper;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.IsoDateTime;
import org.conversionkit.model.Profile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Severity;
import org.conversionkit.model.ValueKind;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.rules.IsoDateTimeRule;
import org.conversionkit.validation.internal.Hash64;
import org.conversionkit.validation.internal.LongHashSet;
import org.conversionkit.validation.internal.ViolationCollector;
import org.jspecify.annotations.Nullable;

/**
 * Checks a CRM feed (profile {@code crm}) into a {@link ValidationReport}: every record's field
 * rules ({@link CrmMapper}), then the rules across records of the feed's mode.
 *
 * <ul>
 * <li>Snapshot feed (the default): one record per id; an id seen before is a
 *     {@code DUPLICATE_RECORD} error on the later record.</li>
 * <li>Daily feed ({@link Builder#dailyFeed(LocalDate)}): every {@code updatedAt}'s calendar date, as
 *     written (no offset applied), is the feed's date, else {@code DATE_MISMATCH}; the same id with the
 *     same {@code updatedAt} twice is a {@code DUPLICATE_RECORD} warning on the later record (one record
 *     per status change). Two {@code updatedAt} values are the same when their date, time and offset
 *     are equal as written: {@code T10:00} equals {@code T10:00:00}, while one instant written with
 *     two offsets is two values.</li>
 * </ul>
 * These rules apply to every record the reader did not reject that has a usable id (and, for the
 * daily rules, a valid {@code updatedAt}), whatever else is wrong with it. Ids are compared as
 * written, case included: the JSON number {@code 7} and the string {@code "7"} are one id,
 * {@code N1} and {@code n1} two. There are no file-name rules for feeds; the report's date is the
 * daily feed's date. A feed without any record gets an {@code EMPTY_FILE} warning.
 *
 * <p><b>Memory.</b> Duplicate detection remembers each distinct key (an id; in a daily feed an id
 * and {@code updatedAt}) as a 64-bit hash in a primitive open-addressing table at load at most 0.5:
 * 16 to 32 bytes a key depending on how full the tables are, never more than
 * {@link FeedLimits#maxTrackedIds()} keys (2,000,000 by default: 32 MiB). Past the limit the record
 * that would exceed it gets one {@code RECORD_TOO_LARGE} error naming the limit, and duplicates are
 * no longer detected; the other rules go on. Keeping hashes rather than ids bounds memory whatever
 * the ids' length, at the price of a false duplicate when two distinct keys share a hash: with a
 * well-mixed 64-bit hash the probability of any such collision among n distinct keys is about
 * n<sup>2</sup>/2<sup>65</sup>,
 * 1.1&nbsp;&times;&nbsp;10<sup>-7</sup> for 2,000,000 keys.
 *
 * <p>The validator reads the source to its end but does not close it: the caller opened it and
 * closes it. An {@link java.io.UncheckedIOException} from the source propagates. Instances are
 * immutable and thread-safe; each call to {@code validate} uses its own state.
 */
public final class FeedValidator {

    private static final int ID = CrmField.ID.ordinal();
    private static final int UPDATED_AT = CrmField.UPDATED_AT.ordinal();

    private final CrmMapper mapper;
    private final @Nullable LocalDate feedDate;
    private final Strictness strictness;
    private final int maxViolations;
    private final FeedLimits limits;

    private FeedValidator(Builder builder) {
        this.mapper = CrmMapper.of(builder.idField);
        this.feedDate = builder.feedDate;
        this.strictness = builder.strictness;
        this.maxViolations = builder.maxViolations;
        this.limits = builder.limits;
    }

    /**
     * Returns a builder. Defaults: id field {@code orderId}; snapshot feed; {@link Strictness#STANDARD};
     * at most {@value Builder#DEFAULT_MAX_VIOLATIONS} violations listed; {@link FeedLimits#DEFAULTS}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a feed.
     *
     * @param fileName the feed's file name as given, or {@code null} or {@code "-"} for standard
     *                 input; only reported, no name rule applies
     * @param source   the feed's records; read to its end, not closed
     * @return the report
     * @throws java.io.UncheckedIOException if the source cannot be read
     */
    public ValidationReport validate(@Nullable String fileName, RecordSource source) {
        return run(fileName, source, null);
    }

    /**
     * Checks a feed and hands each valid record to a consumer while reading it. A record is
     * delivered when it has no error (after strict promotion), before the next one is read.
     *
     * @param fileName     the feed's file name as given, or {@code null} or {@code "-"} for standard input
     * @param source       the feed's records; read to its end, not closed
     * @param validRecords receives every valid record, in order
     * @return the report
     * @throws java.io.UncheckedIOException if the source cannot be read
     */
    public ValidationReport validate(@Nullable String fileName, RecordSource source,
            Consumer<? super CrmRecord> validRecords) {
        return run(fileName, source, Objects.requireNonNull(validRecords, "validRecords"));
    }

    private ValidationReport run(@Nullable String fileName, RecordSource source,
            @Nullable Consumer<? super CrmRecord> consumer) {
        Objects.requireNonNull(source, "source");
        ViolationCollector collector = new ViolationCollector(strictness, maxViolations);
        LongHashSet keys = new LongHashSet();
        long records = 0;
        long validRecords = 0;
        for (RawRecord record = source.next(); record != null; record = source.next()) {
            records++;
            collector.startRecord();
            CrmRecord crm = mapper.map(record, collector);
            if ((crm != null || !record.isRejected()) && !feedRules(record, crm, collector, keys)) {
                // Past the limit: let the tables go.
                keys = null;
            }
            if (!collector.recordHasError()) {
                validRecords++;
                if (consumer != null && crm != null) {
                    consumer.accept(crm);
                }
            }
        }
        long blankLines = source.blankLines();
        if (records == 0) {
            collector.accept(Violation.ofFile(ViolationCode.EMPTY_FILE, null, (feedDate == null
                    ? "the feed holds no records: a snapshot feed holds every order or lead"
                    : "the feed holds no records: fine for a day without updates, else check the export")
                    + (blankLines == 0 ? "" : " (it holds only blank lines)")));
        }
        boolean named = fileName != null && !fileName.equals("-");
        return new ValidationReport(named ? fileName : null, source.format(), source.delimiter().orElse(null),
                Profile.CRM, feedDate, collector.errors() == 0, records, validRecords, records - validRecords,
                blankLines, collector.errors(), collector.warnings(), collector.truncated(), collector.violations());
    }

    /** Applies the rules across records; returns whether duplicates are still tracked. */
    private boolean feedRules(RawRecord record, @Nullable CrmRecord crm, ViolationCollector collector,
            @Nullable LongHashSet keys) {
        IsoDateTime updatedAt = null;
        if (feedDate != null) {
            updatedAt = crm != null ? crm.updatedAt() : updatedAt(record);
            if (updatedAt != null && !updatedAt.date().equals(feedDate)) {
                collector.accept(Violation.of(ViolationCode.DATE_MISMATCH, record.line(), record.record(),
                        CrmField.UPDATED_AT.defaultName(), record.value(UPDATED_AT), "updatedAt "
                                + updatedAt.date() + " is not the feed's date " + feedDate + ": a daily feed holds"
                                + " only the records updated that day; leave this one to the feed of "
                                + updatedAt.date()));
            }
        }
        if (keys == null) {
            return false;
        }
        String id = record.value(ID);
        ValueKind idKind = record.kind(ID);
        if (id == null || id.isBlank() || idKind != ValueKind.STRING && idKind != ValueKind.INTEGER
                || feedDate != null && updatedAt == null) {
            return true;
        }
        long key;
        if (updatedAt == null) {
            key = Hash64.of(id);
        } else {
            java.time.LocalTime time = updatedAt.time();
            java.time.ZoneOffset offset = updatedAt.offset();
            key = Hash64.of(id, updatedAt.date().toEpochDay(), time == null ? -1 : time.toNanoOfDay(),
                    offset == null ? Long.MIN_VALUE : offset.getTotalSeconds());
        }
        switch (keys.add(key, limits.maxTrackedIds())) {
            case PRESENT:
                collector.accept(duplicate(record, id, updatedAt));
                return true;
            case FULL:
                collector.accept(Violation.of(ViolationCode.RECORD_TOO_LARGE, record.line(), record.record(),
                        mapper.idField(), id, "the feed holds more than " + limits.maxTrackedIds() + " distinct "
                                + mapper.idField() + (feedDate == null ? "s" : " and updatedAt pairs")
                                + ", the limit maxTrackedIds (" + limits.maxTrackedIds() + "): duplicates are not"
                                + " detected from this record on; raise FeedLimits.maxTrackedIds (16 to 32"
                                + " bytes each) or check the feed in parts"));
                return false;
            default:
                return true;
        }
    }

    private Violation duplicate(RawRecord record, String id, @Nullable IsoDateTime updatedAt) {
        String idField = mapper.idField();
        if (updatedAt == null) {
            return Violation.of(ViolationCode.DUPLICATE_RECORD, record.line(), record.record(), idField, id,
                    idField + " '" + Violation.shorten(id) + "' appears more than once: a snapshot feed holds each"
                            + " record once, with its latest status; keep only the latest");
        }
        return new Violation(ViolationCode.DUPLICATE_RECORD, Severity.WARNING, record.line(), record.record(),
                idField, id, idField + " '" + Violation.shorten(id) + "' with updatedAt " + record.value(UPDATED_AT)
                        + " appears more than once: a daily feed holds one record per status change; drop the"
                        + " repeated one");
    }

    /** Returns the valid updatedAt of a record the mapper refused for another reason, or null. */
    private static @Nullable IsoDateTime updatedAt(RawRecord record) {
        String value = record.value(UPDATED_AT);
        if (value == null || record.kind(UPDATED_AT) != ValueKind.STRING) {
            return null;
        }
        return IsoDateTimeRule.parseOrProblem("updatedAt", value) instanceof IsoDateTime parsed ? parsed : null;
    }

    /**
     * Builds a {@link FeedValidator}.
     *
     * <p>Defaults: id field {@code orderId}; snapshot feed; {@link Strictness#STANDARD}; at most
     * {@value #DEFAULT_MAX_VIOLATIONS} violations listed; {@link FeedLimits#DEFAULTS}.
     */
    public static final class Builder {

        /** How many violations a report lists unless told otherwise. */
        public static final int DEFAULT_MAX_VIOLATIONS = 100;

        private String idField = CrmField.DEFAULT_ID_FIELD;
        private @Nullable LocalDate feedDate;
        private Strictness strictness = Strictness.STANDARD;
        private int maxViolations = DEFAULT_MAX_VIOLATIONS;
        private FeedLimits limits = FeedLimits.DEFAULTS;

        private Builder() {
        }

        /**
         * Sets the name of the id field.
         *
         * @param idField e.g. {@code orderId} or {@code leadId}
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or names another CRM field
         */
        public Builder idField(String idField) {
            CrmMapper.of(idField);
            this.idField = idField;
            return this;
        }

        /**
         * Makes the feed a daily feed for a date (the command line's {@code --feed-date}), or a
         * snapshot feed.
         *
         * @param feedDate the day every {@code updatedAt} must fall on, or {@code null} for a snapshot feed
         * @return this builder
         */
        public Builder dailyFeed(@Nullable LocalDate feedDate) {
            this.feedDate = feedDate;
            return this;
        }

        /**
         * Sets whether warnings count as errors.
         *
         * @param strictness {@link Strictness#STRICT} to report every warning as an error
         * @return this builder
         */
        public Builder strictness(Strictness strictness) {
            this.strictness = Objects.requireNonNull(strictness, "strictness");
            return this;
        }

        /**
         * Sets how many violations a report lists; the rest are counted only.
         *
         * @param maxViolations 0 or more; 0 lists none
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxViolations(int maxViolations) {
            if (maxViolations < 0) {
                throw new IllegalArgumentException("maxViolations must be 0 or more, was " + maxViolations);
            }
            this.maxViolations = maxViolations;
            return this;
        }

        /**
         * Sets the limits.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(FeedLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Builds the validator.
         *
         * @return the validator
         */
        public FeedValidator build() {
            return new FeedValidator(this);
        }
    }
}
