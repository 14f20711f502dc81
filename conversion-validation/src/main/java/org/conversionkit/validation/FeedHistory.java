package org.conversionkit.validation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.FeedLimits;
import org.conversionkit.model.Profile;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.internal.CrmFeedHistory;

/**
 * Checks the daily feeds of one CRM feed as a history, one feed after the other in date order: each feed is checked
 * on its own, as {@link FeedValidator#validate(RecordSource)} checks it, and each record against what the earlier
 * feeds held of its id. The source document asks for a new record at each change of an order, "with the new value of
 * the updatedAt field and preserving the value of the createdAt field":
 *
 * <ul>
 * <li>{@code CREATED_AT_CHANGED} (error): a record's {@code createdAt} differs from the one the id had in an earlier
 *     feed;</li>
 * <li>{@code UPDATED_BEFORE_PREVIOUS} (error): a record's {@code updatedAt} is before the latest one the id had in an
 *     earlier feed.</li>
 * </ul>
 * Both are reported only when provable ({@link org.conversionkit.model.CrmDateTime#isBefore}, in the feed's zone when
 * the profile sets one), to the microsecond. The records of one feed are compared with the earlier feeds only, never
 * with each other: a daily feed may list an order's changes of the day in any order.
 *
 * <pre>{@code
 * FeedHistory history = FeedValidator.builder().build().history();
 * for (Path day : days) {                                  // in date order
 *     CrmProfile profile = orders.toBuilder().dailyFeed(dateOf(day)).build();
 *     try (RecordSource feed = CrmFeedReader.builder().profile(profile).source(day)) {
 *         ValidationReport report = history.validate(feed);
 *     }
 * }
 * }</pre>
 *
 * <p>Every source must be a daily feed's ({@link CrmProfile.Builder#dailyFeed(LocalDate)}), dated after the previous
 * one, with the same settings as the first but for the date; anything else is an {@link IllegalArgumentException},
 * before the source is read. <b>Memory:</b> 43 to 85 bytes for each id of the whole history, at most
 * {@link FeedLimits#maxTrackedIds()} ids; past the limit, the first record of each feed that brings a new id gets a
 * {@code RECORD_TOO_LARGE} error and new ids are not remembered, while the ids remembered are still checked.
 *
 * <p>Not thread-safe: it remembers the feeds. Typed records valid in the history come from
 * {@link #validate(RecordSource, Consumer)}.
 */
public final class FeedHistory {

    private final FeedValidator validator;
    private final CrmFeedHistory history = new CrmFeedHistory();

    FeedHistory(FeedValidator validator) {
        this.validator = validator;
    }

    /**
     * Checks the next feed of the history.
     *
     * @param source the feed's records, of a daily feed's {@link CrmProfile}; read to its end, not closed
     * @return the feed's report, with the history's violations among its records'
     * @throws IllegalArgumentException if the source is not a daily CRM feed's, not dated after the last feed, or its
     *                                  profile differs from the first feed's but for the date
     */
    public ValidationReport validate(RecordSource source) {
        return validator.run(source, null, start(source));
    }

    /**
     * Checks the next feed of the history and hands each record valid in it to a consumer while reading it.
     *
     * @param source       the feed's records, of a daily feed's {@link CrmProfile}; read to its end, not closed
     * @param validRecords receives every valid record, in order
     * @return the feed's report
     * @throws IllegalArgumentException if the source is not a daily CRM feed's, not dated after the last feed, or its
     *                                  profile differs from the first feed's but for the date
     */
    public ValidationReport validate(RecordSource source, Consumer<? super CrmRecord> validRecords) {
        Objects.requireNonNull(validRecords, "validRecords");
        return validator.run(source, validRecords, start(source));
    }

    /**
     * Takes a feed of the history that cannot be read (missing, permission denied): its date takes its place in the
     * order, and its report says why; nothing of it is remembered.
     *
     * @param name    the feed's name, e.g. its file name
     * @param profile the feed's profile, of a daily feed
     * @param cause   why it cannot be read, for a person
     * @return its report: not valid, one {@code FILE_UNREADABLE} error
     * @throws IllegalArgumentException as {@link #validate(RecordSource)}
     */
    public ValidationReport unreadable(String name, CrmProfile profile, String cause) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cause, "cause");
        history.startFeed(profile);
        return ValidationReport.unreadable(name, "json", Profile.CRM, profile.feedDate(), cause);
    }

    /**
     * Returns the number of feeds taken so far, readable or not.
     *
     * @return the feeds
     */
    public int feeds() {
        return history.feeds();
    }

    /**
     * Returns the date of the last feed taken.
     *
     * @return the date, or empty before the first feed
     */
    public Optional<LocalDate> lastFeedDate() {
        return Optional.ofNullable(history.lastDate());
    }

    /**
     * Returns the number of ids remembered across the feeds.
     *
     * @return the ids, at most {@link FeedLimits#maxTrackedIds()}
     */
    public long trackedIds() {
        return history.trackedIds();
    }

    private CrmFeedHistory start(RecordSource source) {
        Objects.requireNonNull(source, "source");
        if (!(source.profile() instanceof CrmProfile profile)) {
            throw new IllegalArgumentException("a feed history checks CRM feeds, and this source reads records of"
                    + " profile " + source.profile().kind().label() + ": build the source with a CrmProfile");
        }
        history.startFeed(profile);
        return history;
    }
}
