package org.conversionkit.test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.validation.ValidationReport;

/**
 * A CRM feed a {@link CrmFeedFixture} wrote: where it is, the profile to check it by, what it holds, and where its
 * mistakes are.
 *
 * @param path     the file, {@code FOLDER/crm-feed-YYYY-MM-DD.ndjson} for a daily feed,
 *                 {@code FOLDER/crm-snapshot-YYYY-MM-DD.ndjson} for a snapshot ({@code .gz} when compressed)
 * @param profile  the feed's profile: its id field, its mode and date, its zone
 * @param records  the generated valid records, in the order written; the mistakes' records are not among them
 * @param mistakes the line of each mistake's record (one record a line, so its record number too); copied
 * @param report   the writer's report of what it wrote, the report {@code conversion-check validate --profile crm}
 *                 gives on the feed (named {@code <feed>})
 */
public record WrittenFeed(
        Path path,
        CrmProfile profile,
        List<CrmRecord> records,
        Map<CrmMistake, Long> mistakes,
        ValidationReport report) {

    /**
     * Checks the arguments and copies the lists.
     *
     * @param path the file
     * @param profile the feed's profile
     * @param records the generated valid records, in the order written
     * @param mistakes the line of each mistake's record
     * @param report the writer's report
     */
    public WrittenFeed {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(report, "report");
        records = List.copyOf(records);
        mistakes = Placement.copy(CrmMistake.class, mistakes);
    }

    /**
     * Returns the line of a mistake's record; the feed has one record a line, so it is the record's number too.
     *
     * @param mistake the mistake
     * @return its 1-based line
     * @throws IllegalArgumentException if the mistake was not written
     */
    public long lineOf(CrmMistake mistake) {
        return Placement.lineOf(mistakes, mistake, path);
    }

    /**
     * Returns how many records the feed holds: the generated ones and one a mistake.
     *
     * @return the number of records
     */
    public long recordCount() {
        return (long) records.size() + mistakes.size();
    }
}
