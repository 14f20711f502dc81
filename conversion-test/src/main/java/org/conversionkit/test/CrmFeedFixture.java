package org.conversionkit.test;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.conversionkit.json.CrmFeedWriter;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.test.Placement.Placed;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;

/**
 * Writes a CRM feed for a test, daily or snapshot: generated valid records, reproducible from a seed, and the
 * {@link CrmMistake}s asked for, through the library's own {@link CrmFeedWriter}, as a customer's feed endpoint
 * using it would serve them.
 *
 * <pre>{@code
 * @Test
 * void skipsTheRecordWithoutAnId(@TempDir Path folder) throws IOException {
 *     WrittenFeed feed = CrmFeedFixture.daily(LocalDate.of(2020, 1, 20)).records(30)
 *             .mistakes(CrmMistake.MISSING_ID).writeTo(folder);
 *     assertThat(feed.path()).checkedAsCrmFeed(feed.profile()).hasErrors(1)
 *             .hasViolation(ViolationCode.FIELD_MISSING).atLine(feed.lineOf(CrmMistake.MISSING_ID));
 * }
 * }</pre>
 *
 * <h2>What is written</h2>
 * NDJSON, one record a line, {@code FOLDER/crm-feed-YYYY-MM-DD.ndjson} for a daily feed and
 * {@code FOLDER/crm-snapshot-YYYY-MM-DD.ndjson} for a snapshot ({@code .gz} with {@link #gzip(boolean)}). The
 * generated records are valid: ids {@code N1}, {@code N2}, ... under the profile's id field; {@code updatedAt} on the
 * feed's day (daily) or within the 30 days up to the snapshot's (snapshot), between 08:00 and 20:00; {@code createdAt}
 * from an hour to 30 days before it; both RFC 3339 date-times with the offset of the feed's zone, or {@code Z}
 * without one; a currency, a total with two decimals, a status and a user id. The same seed, count, day, mode and
 * feed zone give the same records, whatever the mistakes (the zone sets the offsets, and with them the instants). Each mistake adds one record, placed by the seed, written with
 * {@link WritePolicy#KEEP}; the feed's report then holds exactly the mistakes' violations, one each.
 *
 * <p>A builder rather than a JUnit extension, for the reasons {@link ExportFixture} gives. A fixture is a mutable
 * builder, not thread-safe.
 */
public final class CrmFeedFixture {

    /** The records generated unless {@link #records(int)} says otherwise. */
    public static final int DEFAULT_RECORDS = 10;

    private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "CHF"};
    private static final String[] STATUSES = {"received", "paid", "shipped", "delivered", "refunded"};
    private static final int DAY_SECONDS = 86_400;
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final LocalDate day;
    private final boolean daily;
    private int records = DEFAULT_RECORDS;
    private long seed;
    private String idField = CrmField.DEFAULT_ID_FIELD;
    private @Nullable ZoneId zone;
    private boolean gzip;
    private final Set<CrmMistake> mistakes = EnumSet.noneOf(CrmMistake.class);

    private CrmFeedFixture(LocalDate day, boolean daily) {
        this.day = Objects.requireNonNull(day, "day");
        this.daily = daily;
    }

    /**
     * Starts the fixture of a daily feed: every record updated on its day. Defaults: {@value #DEFAULT_RECORDS}
     * records, seed 0, id field {@value CrmField#DEFAULT_ID_FIELD}, dates as written (no feed zone), no compression,
     * no mistake.
     *
     * @param day the feed's day
     * @return the fixture
     */
    public static CrmFeedFixture daily(LocalDate day) {
        return new CrmFeedFixture(day, true);
    }

    /**
     * Starts the fixture of a snapshot feed taken on a day: each id once, updated within the 30 days up to it. The
     * defaults of {@link #daily(LocalDate)}.
     *
     * @param day the snapshot's day
     * @return the fixture
     */
    public static CrmFeedFixture snapshot(LocalDate day) {
        return new CrmFeedFixture(day, false);
    }

    /**
     * Sets how many valid records are generated; each mistake adds one record to them.
     *
     * @param count 0 or more
     * @return this fixture
     * @throws IllegalArgumentException if negative
     */
    public CrmFeedFixture records(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("records must be 0 or more, was " + count);
        }
        this.records = count;
        return this;
    }

    /**
     * Sets the seed of the generated values and of where the mistakes go.
     *
     * @param seed any number; default 0
     * @return this fixture
     */
    public CrmFeedFixture seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Sets the name of the records' id field.
     *
     * @param idField e.g. {@code leadId}; default {@value CrmField#DEFAULT_ID_FIELD}
     * @return this fixture
     * @throws IllegalArgumentException if the name is blank or another CRM field's
     */
    public CrmFeedFixture idField(String idField) {
        CrmProfile.builder().idField(idField);
        this.idField = idField;
        return this;
    }

    /**
     * Sets the feed's zone: the times are written with its offset, and the profile checks the feed's day in it.
     *
     * @param zone e.g. {@code Europe/Paris}; by default none, the times in UTC ({@code Z}) and dates as written
     * @return this fixture
     */
    public CrmFeedFixture feedZone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /**
     * Compresses the file with gzip; its name then ends in {@code .gz}.
     *
     * @param gzip whether to compress; default {@code false}
     * @return this fixture
     */
    public CrmFeedFixture gzip(boolean gzip) {
        this.gzip = gzip;
        return this;
    }

    /**
     * Sets the mistakes to write, each once, in place of any set before.
     *
     * @param mistakes the mistakes; none for a valid feed
     * @return this fixture
     * @throws NullPointerException if the array or one of its mistakes is null (named by its index); the mistakes
     *                              set before are then kept
     */
    public CrmFeedFixture mistakes(CrmMistake... mistakes) {
        Set<CrmMistake> set = Placement.mistakes(CrmMistake.class, mistakes);
        this.mistakes.clear();
        this.mistakes.addAll(set);
        return this;
    }

    /**
     * Returns the profile the feed is written and checked by: the id field, the mode and day, the zone.
     *
     * @return the profile
     */
    public CrmProfile profile() {
        CrmProfile.Builder profile = CrmProfile.builder().idField(idField);
        if (daily) {
            profile.dailyFeed(day);
        }
        if (zone != null) {
            profile.feedZone(zone);
        }
        return profile.build();
    }

    /**
     * Writes the feed into a folder, through {@link CrmFeedWriter}.
     *
     * @param folder an existing folder, e.g. JUnit's {@code @TempDir}
     * @return the feed written, its profile and records, and the line of each mistake
     * @throws IllegalStateException if a daily-only mistake is asked of a snapshot, or a duplicate of no records
     * @throws java.nio.file.FileAlreadyExistsException if the folder holds the feed's file already
     * @throws IOException if the file cannot be written
     */
    public WrittenFeed writeTo(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        for (CrmMistake mistake : mistakes) {
            if (mistake.dailyOnly() && !daily) {
                throw new IllegalStateException(mistake + " needs a daily feed: a snapshot has no day to miss");
            }
        }
        if (mistakes.contains(CrmMistake.DUPLICATE_ID) && records == 0) {
            throw new IllegalStateException("DUPLICATE_ID writes a generated record again: generate at least one");
        }
        CrmProfile profile = profile();
        Random random = new Random(seed);
        List<CrmRecord> valid = new ArrayList<>(records);
        List<Entry> entries = new ArrayList<>(records);
        for (int i = 1; i <= records; i++) {
            CrmRecord record = record(random, i);
            valid.add(record);
            entries.add(new Entry(record, null));
        }
        int[] next = {records};
        List<Placed<CrmMistake, Entry>> placed = Placement.place(random, entries, mistakes, CrmMistake.DUPLICATE_ID,
                null, mistake -> mistake(mistake, record(random, ++next[0])));
        Map<CrmMistake, Long> lines = Placement.lines(CrmMistake.class, placed);
        Path path = folder.resolve((daily ? "crm-feed-" : "crm-snapshot-") + day + ".ndjson" + (gzip ? ".gz" : ""));
        OutputStream file = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        boolean done = false;
        try {
            ValidationReport report;
            try (CrmFeedWriter writer = CrmFeedWriter.builder().profile(profile).policy(WritePolicy.KEEP)
                    .build(gzip ? new GZIPOutputStream(file) : file)) {
                for (Placed<CrmMistake, Entry> record : placed) {
                    Entry entry = record.record;
                    if (entry.object != null) {
                        writer.writeObject(entry.object);
                    } else {
                        writer.write(Objects.requireNonNull(entry.record));
                    }
                }
                report = writer.finish();
            }
            done = true;
            return new WrittenFeed(path, profile, valid, lines, report);
        } finally {
            file.close();
            if (!done) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A generated valid record, number {@code index} of the feed. */
    private CrmRecord record(Random random, int index) {
        LocalDate updatedOn = daily ? day : day.minusDays(random.nextInt(30));
        LocalTime time = LocalTime.ofSecondOfDay(8 * 3600 + random.nextInt(12 * 3600));
        OffsetDateTime updatedAt = at(LocalDateTime.of(updatedOn, time));
        OffsetDateTime createdAt = at(updatedAt.minusSeconds(3600 + random.nextInt(30 * DAY_SECONDS - 3600)));
        String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
        BigDecimal total = BigDecimal.valueOf(500 + random.nextInt(99_500), 2);
        String status = STATUSES[random.nextInt(STATUSES.length)];
        String userId = "U" + (10_000 + random.nextInt(90_000));
        return new CrmRecord("N" + index, dateTime(createdAt), dateTime(updatedAt), currency, total, status, userId,
                Map.of());
    }

    /** A wall time on the feed's day, with the offset of the feed's zone at that time, or in UTC without a zone. */
    private OffsetDateTime at(LocalDateTime wallTime) {
        return zone == null ? wallTime.atOffset(ZoneOffset.UTC) : wallTime.atZone(zone).toOffsetDateTime();
    }

    /** The same instant, with the offset of the feed's zone at that instant, or in UTC without a zone. */
    private OffsetDateTime at(OffsetDateTime instant) {
        return zone == null ? instant.withOffsetSameInstant(ZoneOffset.UTC)
                : instant.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static CrmDateTime dateTime(OffsetDateTime value) {
        return new CrmDateTime(value.toLocalDate(), value.toLocalTime(), value.getOffset());
    }

    /** The record of a mistake, made of a generated record of its own. */
    private Entry mistake(CrmMistake mistake, CrmRecord base) {
        OffsetDateTime updatedAt = offsetDateTime(base.updatedAt());
        switch (mistake) {
            case UPDATED_ON_ANOTHER_DAY:
                return new Entry(with(base, base.createdAt(),
                        dateTime(at(updatedAt.toLocalDateTime().plusDays(1)))), null);
            case UPDATED_BEFORE_CREATED:
                return new Entry(with(base, dateTime(updatedAt.plusHours(1)), base.updatedAt()), null);
            default:
                break;
        }
        Map<String, @Nullable Object> object = object(base);
        String id = idField;
        switch (mistake) {
            case BAD_CURRENCY:
                object.put("currency", Objects.requireNonNull(base.currency()).toLowerCase(Locale.ROOT));
                break;
            case TOTAL_AS_STRING:
                object.put("total", Objects.requireNonNull(base.total()).toPlainString());
                break;
            case MISSING_ID:
                object.remove(id);
                break;
            case MISSING_CREATED_AT:
                object.remove("createdAt");
                break;
            case EPOCH_TIMESTAMP:
                object.put("updatedAt", updatedAt.toEpochSecond());
                break;
            case SQL_TIMESTAMP:
                object.put("updatedAt", SQL.format(updatedAt));
                break;
            case IMPOSSIBLE_DATE:
                object.put("createdAt", String.format(Locale.ROOT, "%04d-02-30T10:00:00Z",
                        base.createdAt().date().getYear()));
                break;
            default:
                throw new AssertionError(mistake + " is written elsewhere");
        }
        return new Entry(null, object);
    }

    private static OffsetDateTime offsetDateTime(CrmDateTime value) {
        return OffsetDateTime.of(value.date(), Objects.requireNonNull(value.time()),
                Objects.requireNonNull(value.offset()));
    }

    private static CrmRecord with(CrmRecord base, CrmDateTime createdAt, CrmDateTime updatedAt) {
        return new CrmRecord(base.id(), createdAt, updatedAt, base.currency(), base.total(), base.status(),
                base.userId(), base.extras());
    }

    /** The record as the writer writes it, as a map to spoil. */
    private Map<String, @Nullable Object> object(CrmRecord record) {
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        object.put(idField, record.id());
        object.put("createdAt", record.createdAt().toString());
        object.put("updatedAt", record.updatedAt().toString());
        object.put("currency", record.currency());
        object.put("total", record.total());
        object.put("status", record.status());
        object.put("userId", record.userId());
        return object;
    }

    /** One record of the feed: a typed record, or a map of JSON values (written as it is). */
    private static final class Entry {
        final @Nullable CrmRecord record;
        final @Nullable Map<String, @Nullable Object> object;

        Entry(@Nullable CrmRecord record, @Nullable Map<String, @Nullable Object> object) {
            this.record = record;
            this.object = object;
        }
    }
}
