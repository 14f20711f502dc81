package org.conversionkit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.conversionkit.model.ConversionLimits;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.Field;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The duplicate-row rule (issue 13, one report per file) on rows: what makes two rows one, the two ways a row is
 * remembered (a reader's held characters for a plain row, a record's strings) held to each other, and the limit.
 */
class DuplicateRowsTest {

    private static final LocalDate DATE = LocalDate.of(2020, 9, 22);
    private static final long K0 = 0x0123456789abcdefL;
    private static final long K1 = 0x7766554433221100L;

    @Test
    void aRowIsItsUrlDateChannelAndDeviceAsTheMapperGivesThem() {
        DuplicateRows rows = rows(FieldDefaults.NONE.with(Field.CHANNEL, "organic"), 100);
        assertThat(rows.add(record("https://d.tld/a", "2020-09-22", null, null))).isEqualTo(LongHashSet.Added.ADDED);
        // The default is the channel of a row without one, absent or empty.
        assertThat(rows.add(record("https://d.tld/a", "2020-09-22", "organic", null)))
                .isEqualTo(LongHashSet.Added.PRESENT);
        assertThat(rows.add(record("https://d.tld/a", "2020-09-22", "", null))).isEqualTo(LongHashSet.Added.PRESENT);
        // Blank text is a value of its own; so is another case, another device, another day.
        for (RawRecord other : List.of(record("https://d.tld/a", "2020-09-22", "   ", null),
                record("https://d.tld/A", "2020-09-22", null, null), record("https://d.tld/a", "2020-09-22", null, "app"),
                record("https://d.tld/a", "2020-09-21", null, null), record("https://d.tld/a", "2020-09-22", "Organic", null))) {
            assertThat(rows.add(other)).as("%s", other).isEqualTo(LongHashSet.Added.ADDED);
        }
        // Where one value ends and the next starts counts: the bytes hashed stand for one row.
        assertThat(rows.add(record("https://d.tld/ab", "2020-09-22", "c", null))).isEqualTo(LongHashSet.Added.ADDED);
        assertThat(rows.add(record("https://d.tld/a", "2020-09-22", "bc", null))).isEqualTo(LongHashSet.Added.ADDED);
        assertThat(rows.add(record("https://d.tld/a", "2020-09-22", "b", "c"))).isEqualTo(LongHashSet.Added.ADDED);
        assertThat(rows.add(record("https://d.tld/a", "2020-09-22", null, "bc"))).isEqualTo(LongHashSet.Added.ADDED);
        // Characters past U+00FF and their bytes in ISO 8859-1 are not one text.
        assertThat(rows.add(record("https://d.tld/\u0100", "2020-09-22", null, null)))
                .isEqualTo(LongHashSet.Added.ADDED);
        assertThat(rows.add(record("https://d.tld/\u0000\u0001", "2020-09-22", null, null)))
                .isEqualTo(LongHashSet.Added.ADDED);
        assertThat(rows.add(record("https://d.tld/\u0100", "2020-09-22", null, null)))
                .isEqualTo(LongHashSet.Added.PRESENT);
    }

    @Test
    void aRecordTheReaderRejectedOrWithoutUrlOrDateIsNoRow() {
        DuplicateRows rows = rows(FieldDefaults.NONE, 100);
        RawRecord rejected = RawRecord.rejected(1, 1, List.of(Violation.of(ViolationCode.FIELD_COUNT, 1, 1, null, null,
                "m")));
        for (int i = 0; i < 2; i++) {
            assertThat(rows.add(rejected)).isEqualTo(LongHashSet.Added.ADDED);
            assertThat(rows.add(record(null, "2020-09-22", null, null))).isEqualTo(LongHashSet.Added.ADDED);
            assertThat(rows.add(record(" ", "2020-09-22", null, null))).isEqualTo(LongHashSet.Added.ADDED);
            assertThat(rows.add(record("https://d.tld/", null, null, null))).isEqualTo(LongHashSet.Added.ADDED);
        }
    }

    @Test
    void pastTheLimitTheSetIsFullUntilStopped() {
        DuplicateRows rows = rows(FieldDefaults.NONE, 2);
        assertThat(rows.add(record("https://d.tld/a", "2020-09-22", null, null))).isEqualTo(LongHashSet.Added.ADDED);
        assertThat(rows.add(record("https://d.tld/b", "2020-09-22", null, null))).isEqualTo(LongHashSet.Added.ADDED);
        assertThat(rows.add(record("https://d.tld/c", "2020-09-22", null, null))).isEqualTo(LongHashSet.Added.FULL);
        assertThat(rows.add(record("https://d.tld/a", "2020-09-22", null, null))).isEqualTo(LongHashSet.Added.PRESENT);
        rows.stop();
        assertThat(rows.add(record("https://d.tld/a", "2020-09-22", null, null))).isEqualTo(LongHashSet.Added.ADDED);
        assertThat(rows.admitPlain(held("https://d.tld/a", null, null, 9, 9))).isTrue();
    }

    /**
     * A plain row remembered from a reader's held characters is the row its record's strings are: on random rows
     * with many repeats, both ways, interleaved as a skipping reader interleaves them (plain rows in batches that a
     * built record, a full batch or the end settles), find the same duplicates, in the same order, as records alone.
     */
    @Test
    void heldCharactersAndStringsAreOneRow() {
        Random random = new Random(20261203L);
        String[] urls = {"https://d.tld/a", "https://d.tld/ab", "https://d.tld/" + "p".repeat(40), "https://d.tld/\u00e9",
            "https://d.tld/\u4e00", "https://d.tld/x?y=1#z"};
        String[] texts = {null, "", "organic", "paid", "   ", "a", "ab", "\u00e9t\u00e9", "\u4e2d", "x".repeat(20)};
        for (FieldDefaults defaults : List.of(FieldDefaults.NONE, FieldDefaults.NONE.with(Field.CHANNEL, "organic")
                .with(Field.DEVICE, "\u4e2d"))) {
            DuplicateRows mixed = rows(defaults, 10_000);
            List<String> found = new ArrayList<>();
            mixed.reportTo(listener(found));
            DuplicateRows strings = rows(defaults, 10_000);
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 5000; i++) {
                String url = urls[random.nextInt(urls.length)] + (random.nextInt(3) == 0 ? "" : random.nextInt(20));
                String channel = texts[random.nextInt(texts.length)];
                String device = texts[random.nextInt(texts.length)];
                if (strings.add(record(url, "2020-09-22", channel, device)) == LongHashSet.Added.PRESENT) {
                    expected.add(i + " " + i + " " + url + " at column 0");
                }
                // One row in ten built, as a row with a violation is; the others plain, up to a batch or more
                // between two built ones.
                if (random.nextInt(10) == 0) {
                    if (mixed.add(record(url, "2020-09-22", channel, device)) == LongHashSet.Added.PRESENT) {
                        found.add(i + " " + i + " " + url + " at column 0");
                    }
                } else {
                    assertThat(mixed.admitPlain(held(url, channel, device, i, i))).isTrue();
                }
            }
            mixed.settle();
            assertThat(expected).hasSizeGreaterThan(1000);
            assertThat(found).isEqualTo(expected);
        }
    }

    /** The limit reached inside a batch of plain rows: reported once, at the row that reached it, and no more. */
    @Test
    void theLimitReachedByAPlainRowStopsTheRest() {
        DuplicateRows rows = rows(FieldDefaults.NONE, 3);
        List<String> found = new ArrayList<>();
        rows.reportTo(listener(found));
        for (int i = 1; i <= DuplicateRows.BATCH + 5; i++) {
            // Row 2 repeats row 1; row 5 is the fourth distinct row; row 6 repeats row 1 past the limit.
            String url = i == 2 || i == 6 ? "https://d.tld/1" : "https://d.tld/" + i;
            assertThat(rows.admitPlain(held(url, null, null, 10L + i, i))).isTrue();
        }
        rows.settle();
        assertThat(found).containsExactly("12 2 https://d.tld/1 at column 0", "full at 15 5");
    }

    /** A listener that writes what it hears as text. */
    private static DuplicateRows.Found listener(List<String> found) {
        return new DuplicateRows.Found() {
            @Override
            public void duplicate(long line, long column, long record, String url) {
                found.add(line + " " + record + " " + url + " at column " + column);
            }

            @Override
            public void full(long line, long record) {
                found.add("full at " + line + " " + record);
            }
        };
    }

    @Test
    void theFileCheckReportsTheLaterRowAndTheLimitOnce() {
        ConversionProfile profile = ConversionProfile.builder().date(DATE)
                .limits(ConversionLimits.builder().maxTrackedRows(2).build()).build();
        ConversionFileCheck check = new ConversionFileCheck(profile, null);
        List<Violation> found = new ArrayList<>();
        Consumer<Violation> sink = found::add;
        assertThat(check.check(record("https://d.tld/a", "2020-09-22", null, null), sink)).isTrue();
        assertThat(check.map(record("https://d.tld/a", "2020-09-22", null, null), sink)).isNotNull();
        assertThat(check.check(record("https://d.tld/b", "2020-09-22", null, null), sink)).isTrue();
        assertThat(check.check(record("https://d.tld/c", "2020-09-22", null, null), sink)).isTrue();
        assertThat(check.check(record("https://d.tld/c", "2020-09-22", null, null), sink)).isTrue();
        assertThat(found).extracting(Violation::code).containsExactly(ViolationCode.DUPLICATE_ROW,
                ViolationCode.RECORD_TOO_LARGE);
        assertThat(found).allSatisfy(v -> assertThat(v.isError()).isFalse());
        assertThat(found.get(0).field()).isEqualTo("url");
        assertThat(found.get(0).value()).isEqualTo("https://d.tld/a");
        assertThat(found.get(1).message()).contains("maxTrackedRows");
        // Strictness is the typed readers' and the collector's: the check reports warnings as they are.
        assertThat(ConversionProfile.builder().strictness(Strictness.STRICT).build().limits())
                .isEqualTo(ConversionLimits.DEFAULTS);
    }

    private static DuplicateRows rows(FieldDefaults defaults, int limit) {
        return new DuplicateRows(defaults, DATE, ConversionLimits.builder().maxTrackedRows(limit).build(),
                new SipHash(K0, K1));
    }

    private static RawRecord record(@Nullable String url, @Nullable String date, @Nullable String channel,
            @Nullable String device) {
        String[] values = new String[Field.values().length];
        values[Field.URL.ordinal()] = url;
        values[Field.DATE.ordinal()] = date;
        values[Field.CHANNEL.ordinal()] = channel;
        values[Field.DEVICE.ordinal()] = device;
        return RawRecord.ofText(1, 1, values, List.of());
    }

    /** The values a reader holds for a plain row: each one at an offset of its own in a buffer of others. */
    private static HeldValues held(String url, @Nullable String channel, @Nullable String device, long line,
            long record) {
        HeldValues held = new HeldValues(Field.values().length);
        held.place(line, record);
        hold(held, Field.DEVICE, device);
        hold(held, Field.URL, url);
        hold(held, Field.DATE, "2020-09-22");
        hold(held, Field.CHANNEL, channel);
        return held;
    }

    private static void hold(HeldValues held, Field field, @Nullable String value) {
        if (value != null) {
            char[] buffer = ("#," + value + ",#").toCharArray();
            held.hold(field.ordinal(), buffer, 2, 2 + value.length(), 0);
        }
    }
}
