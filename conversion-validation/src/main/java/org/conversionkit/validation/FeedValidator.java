package org.conversionkit.validation;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;
import org.conversionkit.model.CrmMapper;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.FeedLimits;
import org.conversionkit.model.Profile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.internal.CrmFeedCheck;
import org.conversionkit.model.internal.CrmFeedHistory;
import org.conversionkit.model.internal.ReadOnce;
import org.conversionkit.validation.internal.EmptyInput;
import org.conversionkit.validation.internal.ViolationCollector;
import org.jspecify.annotations.Nullable;

/**
 * Checks a CRM feed (profile {@code crm}) into a {@link ValidationReport}: every record's field
 * rules ({@link CrmMapper}), then the rules across records of the feed's mode.
 *
 * <p>The settings of the check come from the source's {@link CrmProfile}: id field, feed mode and date, feed zone,
 * strictness, and the limits of duplicate detection. A source of another profile is refused.
 *
 * <ul>
 * <li>Snapshot feed (the default): one record per id; an id seen before is a
 *     {@code DUPLICATE_RECORD} error on the later record.</li>
 * <li>Daily feed ({@link CrmProfile.Builder#dailyFeed(LocalDate)}): every {@code updatedAt} falls on the feed's
 *     date, else {@code DATE_MISMATCH}: its calendar date as written (no offset applied), or, with the profile's
 *     feed zone, the day it falls on in that zone; the same id with the same {@code updatedAt} twice is a
 *     {@code DUPLICATE_RECORD} warning on the later record (one record per status change). Two {@code updatedAt}
 *     values are the same when their date, time and offset are equal as written, notation aside:
 *     {@code T10:00:00} equals {@code t10:00:00.000}, while one instant written with two offsets is two values.</li>
 * </ul>
 * These rules apply to every record the reader did not reject that has a usable id (and, for the
 * daily rules, a valid {@code updatedAt}), whatever else is wrong with it. Ids are compared as
 * written, case included: the JSON number {@code 7} and the string {@code "7"} are one id,
 * {@code N1} and {@code n1} two. There are no file-name rules for feeds; the report's date is the
 * daily feed's date. A feed without any record gets an {@code EMPTY_FILE} warning. The typed
 * {@code CrmFeedReader} applies the same rules, so it delivers exactly the records counted valid here.
 * Daily feeds of one CRM feed can be checked as a history ({@link #history()}), each record also against the
 * earlier feeds.
 *
 * <p><b>Memory.</b> Duplicate detection remembers each distinct key (an id; in a daily feed an id
 * and {@code updatedAt}) as a 64-bit keyed hash (SipHash-2-4 under a key drawn at random for each feed) in a
 * primitive open-addressing table at load at most 0.5:
 * 16 to 32 bytes a key depending on how full the tables are, never more than
 * {@link FeedLimits#maxTrackedIds()} keys (2,000,000 by default: 32 MiB). Past the limit the record
 * that would exceed it gets one {@code RECORD_TOO_LARGE} error naming the limit, and duplicates are
 * no longer detected; the other rules go on. Keeping hashes rather than ids bounds memory whatever
 * the ids' length, at the price of a false duplicate when two distinct keys share a hash: with a keyed hash
 * no id can be crafted to share another's, so the probability of any such collision among n distinct keys is
 * that of random values, about n<sup>2</sup>/2<sup>65</sup>,
 * 1.1&nbsp;&times;&nbsp;10<sup>-7</sup> for 2,000,000 keys; and no ids can be crafted to crowd the table, whose
 * cost stays linear in the feed.
 *
 * <p>The validator reads the source to its end but does not close it: the caller opened it and
 * closes it. A source that fails part of the way (an {@link java.io.UncheckedIOException} from
 * {@code next()}) does not lose the result: the report keeps the records read before and gets a
 * {@code FILE_UNREADABLE} error, listed even past {@code maxViolations}. Instances are
 * immutable and thread-safe; each call to {@code validate} uses its own state.
 */
public final class FeedValidator {

    private final int maxViolations;

    private FeedValidator(Builder builder) {
        this.maxViolations = builder.maxViolations;
    }

    /**
     * Returns a builder. Default: at most {@value Builder#DEFAULT_MAX_VIOLATIONS} violations listed.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a feed.
     *
     * @param source the feed's records, of profile {@code crm}; read to its end, not closed
     * @return the report
     * @throws IllegalArgumentException     if the source's profile is not a {@link CrmProfile}
     * @throws IllegalStateException        if the source, one of the library's, was read before: the report
     *                                      counts every record of the feed
     */
    public ValidationReport validate(RecordSource source) {
        return run(source, null, null);
    }

    /**
     * Checks a feed and hands each valid record to a consumer while reading it. A record is
     * delivered when it has no error (after strict promotion), before the next one is read.
     *
     * @param source       the feed's records, of profile {@code crm}; read to its end, not closed
     * @param validRecords receives every valid record, in order
     * @return the report
     * @throws IllegalArgumentException     if the source's profile is not a {@link CrmProfile}
     * @throws IllegalStateException        if the source, one of the library's, was read before: the report
     *                                      counts every record of the feed
     */
    public ValidationReport validate(RecordSource source, Consumer<? super CrmRecord> validRecords) {
        return run(source, Objects.requireNonNull(validRecords, "validRecords"), null);
    }

    /**
     * Starts a history: the daily feeds of one CRM feed, checked one after the other in date order, each on its own
     * as {@link #validate(RecordSource)} checks it and against the earlier ones ({@link FeedHistory}), with this
     * validator's {@code maxViolations} for each report.
     *
     * @return a new history, for one series of feeds
     */
    public FeedHistory history() {
        return new FeedHistory(this);
    }

    /** Checks a feed, of a history when one is given (its feed started). */
    ValidationReport run(RecordSource source, @Nullable Consumer<? super CrmRecord> consumer,
            @Nullable CrmFeedHistory history) {
        Objects.requireNonNull(source, "source");
        if (!(source.profile() instanceof CrmProfile profile)) {
            throw new IllegalArgumentException("a FeedValidator checks CRM feeds, and this source reads records of"
                    + " profile " + source.profile().kind().label() + ": check it with a ConversionValidator, or"
                    + " build the source with a CrmProfile");
        }
        ReadOnce.requireUnread(source);
        ViolationCollector collector = new ViolationCollector(profile.strictness(), maxViolations);
        CrmFeedCheck check = new CrmFeedCheck(profile, history);
        long records = 0;
        long validRecords = 0;
        UncheckedIOException failure = null;
        try {
            for (RawRecord record = source.next(); record != null; record = source.next()) {
                records++;
                collector.startRecord();
                CrmRecord crm = check.check(record, collector);
                if (!collector.recordHasError()) {
                    validRecords++;
                    if (consumer != null && crm != null) {
                        consumer.accept(crm);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            failure = e;
        }
        long blankLines = source.blankLines();
        LocalDate feedDate = profile.feedDate();
        if (failure != null) {
            collector.acceptAlways(Unreadable.violation(failure, records));
        } else if (records == 0) {
            collector.accept(EmptyInput.feed(feedDate, blankLines));
        }
        return new ValidationReport(source.name().orElse(ValidationReport.NO_NAME), source.format(),
                source.delimiter().orElse(null),
                Profile.CRM, feedDate, collector.errors() == 0, records, validRecords, records - validRecords,
                blankLines, collector.errors(), collector.warnings(), collector.truncated(), collector.violations());
    }

    /**
     * Builds a {@link FeedValidator}.
     *
     * <p>Default: at most {@value #DEFAULT_MAX_VIOLATIONS} violations listed. Everything else comes with
     * the source, in its profile.
     */
    public static final class Builder {

        /** How many violations a report lists unless told otherwise. */
        public static final int DEFAULT_MAX_VIOLATIONS = 100;

        private int maxViolations = DEFAULT_MAX_VIOLATIONS;

        private Builder() {
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
         * Builds the validator.
         *
         * @return the validator
         */
        public FeedValidator build() {
            return new FeedValidator(this);
        }
    }
}
