package org.conversionkit.test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.conversionkit.csv.ConversionCsvWriter;
import org.conversionkit.files.FileFormat;
import org.conversionkit.json.ConversionJsonWriter;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.ExportFileName;
import org.conversionkit.model.WritePolicy;
import org.conversionkit.test.Placement.Placed;
import org.conversionkit.validation.ValidationReport;
import org.jspecify.annotations.Nullable;

/**
 * Writes a day's conversion export for a test: generated valid rows, reproducible from a seed, and the
 * {@link ExportMistake}s asked for, through the library's own writers ({@link ConversionCsvWriter},
 * {@link ConversionJsonWriter}), so that the file is named, quoted and encoded exactly as an exporter using them
 * would write it.
 *
 * <pre>{@code
 * @Test
 * void rejectsTheRowWithARelativeUrl(@TempDir Path folder) throws IOException {
 *     WrittenExport export = ExportFixture.of(LocalDate.of(2020, 9, 22)).rows(50).seed(7)
 *             .mistakes(ExportMistake.RELATIVE_URL).writeTo(folder);
 *     pipeline.load(export.path());
 *     assertThat(pipeline.rejectedLines()).containsExactly(export.lineOf(ExportMistake.RELATIVE_URL));
 * }
 * }</pre>
 *
 * <h2>What is written</h2>
 * {@code FOLDER/conversion-export-YYYY-MM-DD.csv} (or {@code .ndjson}; {@code .gz} with {@link #gzip(boolean)}), in
 * the default column layout {@code url,date,channel,transactions,revenue}. The generated rows are valid and distinct:
 * {@code https://www.shop.example/CATEGORY/PRODUCT-N} (N the row's number), the file's date, a channel, 1 to 9
 * transactions and a revenue with two decimals; the same seed, count and day give the same rows, whatever the format
 * and the mistakes, and the same settings give the same bytes. Each mistake adds one record, placed by the seed (a
 * header row first), written with {@link WritePolicy#KEEP} so that the writer keeps it and reports it; the file's
 * report then holds exactly the mistakes' violations, one each.
 *
 * <h2>Why a builder, and no JUnit extension</h2>
 * A parameter resolver ({@code @ConversionExport(rows = 50, mistakes = RELATIVE_URL) Path file}) would save the
 * {@code @TempDir} parameter and one line, and cost more than that: annotation values are constants, so the day
 * would be a string and the mistake could not come from a {@code @ParameterizedTest}'s {@code @EnumSource}; the
 * test would get a bare {@code Path} where it wants {@link WrittenExport#lineOf(ExportMistake)} and the rows
 * written; and the kit would need {@code junit-jupiter-api} at compile scope, forcing a JUnit version on every
 * pipeline that depends on it (JUnit 5 and 6 artifacts do not mix). JUnit's own {@code @TempDir} gives the folder,
 * and this builder, the rest, typed; it works as well outside JUnit.
 *
 * <p>A fixture is a mutable builder, not thread-safe; {@link #writeTo(Path)} may be called once per folder.
 */
public final class ExportFixture {

    /** The rows generated unless {@link #rows(int)} says otherwise. */
    public static final int DEFAULT_ROWS = 10;

    static final String HOST = "www.shop.example";

    private static final String[] CATEGORIES = {"shoes", "bags", "coats", "hats", "socks", "belts"};
    private static final String[] PRODUCTS = {"trail-runner", "city-sneaker", "canvas-tote", "rain-jacket",
        "wool-beanie", "linen-shirt", "leather-belt", "ankle-boot"};
    private static final String[] CHANNELS = {"organic", "email", "paid", "social", "referral", "direct"};
    private static final String[] HEADER = {"url", "date", "channel", "transactions", "revenue"};

    private final LocalDate day;
    private int rows = DEFAULT_ROWS;
    private long seed;
    private FileFormat format = FileFormat.CSV;
    private char delimiter = ',';
    private boolean gzip;
    private String prefix = ExportFileName.DEFAULT_PREFIX;
    private final Set<ExportMistake> mistakes = EnumSet.noneOf(ExportMistake.class);

    private ExportFixture(LocalDate day) {
        this.day = Objects.requireNonNull(day, "day");
    }

    /**
     * Starts the fixture of a day's export. Defaults: {@value #DEFAULT_ROWS} rows, seed 0, CSV with {@code ,}, no
     * compression, prefix {@value ExportFileName#DEFAULT_PREFIX}, no mistake.
     *
     * @param day the file's day, which every generated row has
     * @return the fixture
     */
    public static ExportFixture of(LocalDate day) {
        return new ExportFixture(day);
    }

    /**
     * Sets how many valid rows are generated; each mistake adds one record to them.
     *
     * @param count 0 or more
     * @return this fixture
     * @throws IllegalArgumentException if negative
     */
    public ExportFixture rows(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("rows must be 0 or more, was " + count);
        }
        this.rows = count;
        return this;
    }

    /**
     * Sets the seed of the generated values and of where the mistakes go.
     *
     * @param seed any number; default 0
     * @return this fixture
     */
    public ExportFixture seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Writes headerless CSV with {@code ,} (the default).
     *
     * @return this fixture
     */
    public ExportFixture csv() {
        return csv(',');
    }

    /**
     * Writes headerless CSV with a delimiter.
     *
     * <p>The path assertions ({@code assertThat(path).isValidConversionExport()}, {@code checkedAsConversionExport()})
     * check the file as {@code conversion-check validate} does without {@code --delimiter}: they sniff the delimiter
     * among {@code ,}, {@code ;}, tab and {@code |}. For another delimiter, assert on {@link WrittenExport#report()},
     * or on the report of a {@code FileChecker} given the delimiter ({@code FileChecker.builder().delimiter(d)}).
     *
     * @param delimiter any single character except {@code "}, CR, LF and a surrogate: {@code ,}, {@code ;}, tab,
     *                  {@code |}, ...
     * @return this fixture
     * @throws IllegalArgumentException if the delimiter is a quote, a line break or a surrogate
     */
    public ExportFixture csv(char delimiter) {
        ConversionCsvWriter.builder().delimiter(delimiter);
        this.format = FileFormat.CSV;
        this.delimiter = delimiter;
        return this;
    }

    /**
     * Writes NDJSON, one JSON object a line; the {@link ExportMistake#csvOnly() CSV-only} mistakes are then refused.
     *
     * @return this fixture
     */
    public ExportFixture ndjson() {
        this.format = FileFormat.JSON;
        return this;
    }

    /**
     * Compresses the file with gzip; its name then ends in {@code .gz}.
     *
     * @param gzip whether to compress; default {@code false}
     * @return this fixture
     */
    public ExportFixture gzip(boolean gzip) {
        this.gzip = gzip;
        return this;
    }

    /**
     * Sets the file name's prefix, before the date.
     *
     * @param prefix default {@value ExportFileName#DEFAULT_PREFIX}
     * @return this fixture
     * @throws IllegalArgumentException if the writers refuse it (a date in it, a path separator, ...)
     */
    public ExportFixture prefix(String prefix) {
        ConversionCsvWriter.builder().prefix(Objects.requireNonNull(prefix, "prefix"));
        this.prefix = prefix;
        return this;
    }

    /**
     * Sets the mistakes to write, each once, in place of any set before.
     *
     * @param mistakes the mistakes; none for a valid file
     * @return this fixture
     * @throws NullPointerException if the array or one of its mistakes is null (named by its index); the mistakes
     *                              set before are then kept
     */
    public ExportFixture mistakes(ExportMistake... mistakes) {
        Set<ExportMistake> set = Placement.mistakes(ExportMistake.class, mistakes);
        this.mistakes.clear();
        this.mistakes.addAll(set);
        return this;
    }

    /**
     * Writes the file into a folder, through the writer of its format.
     *
     * @param folder an existing folder, e.g. JUnit's {@code @TempDir}
     * @return the file written, its rows, and the line of each mistake
     * @throws IllegalStateException if a CSV-only mistake is asked of NDJSON, or a duplicate row of no rows
     * @throws java.nio.file.FileAlreadyExistsException if the folder holds a file of that day and prefix already
     * @throws IOException if the file cannot be written
     */
    public WrittenExport writeTo(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        for (ExportMistake mistake : mistakes) {
            if (mistake.csvOnly() && format == FileFormat.JSON) {
                throw new IllegalStateException(mistake + " can only be written to CSV: the NDJSON writer takes typed"
                        + " rows, which cannot hold it");
            }
        }
        if (mistakes.contains(ExportMistake.DUPLICATE_ROW) && rows == 0) {
            throw new IllegalStateException("DUPLICATE_ROW writes a generated row again: generate at least one row");
        }
        Random random = new Random(seed);
        List<ConversionRow> valid = new ArrayList<>(rows);
        List<Entry> entries = new ArrayList<>(rows);
        for (int i = 1; i <= rows; i++) {
            ConversionRow row = row(random, day, i);
            valid.add(row);
            entries.add(new Entry(row, null));
        }
        int[] next = {rows};
        List<Placed<ExportMistake, Entry>> records = Placement.place(random, entries, mistakes,
                ExportMistake.DUPLICATE_ROW, ExportMistake.HEADER_ROW, mistake -> mistake == ExportMistake.HEADER_ROW
                        ? new Entry(null, HEADER.clone()) : mistake(mistake, row(random, day, ++next[0]), day));
        Map<ExportMistake, Long> lines = Placement.lines(ExportMistake.class, records);
        return format == FileFormat.CSV ? writeCsv(folder, records, valid, lines)
                : writeJson(folder, records, valid, lines);
    }

    private WrittenExport writeCsv(Path folder, List<Placed<ExportMistake, Entry>> records,
            List<ConversionRow> valid, Map<ExportMistake, Long> lines) throws IOException {
        try (ConversionCsvWriter writer = ConversionCsvWriter.builder().delimiter(delimiter).policy(WritePolicy.KEEP)
                .gzip(gzip).prefix(prefix).build(folder, day)) {
            for (Placed<ExportMistake, Entry> record : records) {
                Entry entry = record.record;
                if (entry.text != null) {
                    writer.writeRecord(entry.text);
                } else {
                    writer.write(Objects.requireNonNull(entry.row));
                }
            }
            ValidationReport report = writer.finish();
            return new WrittenExport(writer.path(), day, FileFormat.CSV, delimiter, valid, lines, report);
        }
    }

    private WrittenExport writeJson(Path folder, List<Placed<ExportMistake, Entry>> records,
            List<ConversionRow> valid, Map<ExportMistake, Long> lines) throws IOException {
        try (ConversionJsonWriter writer = ConversionJsonWriter.builder().policy(WritePolicy.KEEP).gzip(gzip)
                .prefix(prefix).build(folder, day)) {
            for (Placed<ExportMistake, Entry> record : records) {
                writer.write(Objects.requireNonNull(record.record.row));
            }
            ValidationReport report = writer.finish();
            return new WrittenExport(writer.path(), day, FileFormat.JSON, null, valid, lines, report);
        }
    }

    /** A generated valid row, number {@code index} of the file: distinct from every other by its URL. */
    private static ConversionRow row(Random random, LocalDate day, int index) {
        String url = "https://" + HOST + "/" + pick(random, CATEGORIES) + "/" + pick(random, PRODUCTS) + "-" + index;
        String channel = pick(random, CHANNELS);
        long transactions = 1L + random.nextInt(9);
        long cents = 500L + random.nextInt(19_500);
        return new ConversionRow(url, day, channel, null, transactions, BigDecimal.valueOf(transactions * cents, 2));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The record of a mistake, made of a generated row of its own. */
    private static Entry mistake(ExportMistake mistake, ConversionRow base, LocalDate day) {
        String[] text = {base.url(), day.toString(), Objects.requireNonNull(base.channel()),
            String.valueOf(base.transactions()), Objects.requireNonNull(base.revenue()).toPlainString()};
        String schemeless = base.url().substring("https://".length());
        switch (mistake) {
            case RELATIVE_URL:
                return mistaken(base, schemeless.substring(HOST.length()), day);
            case NO_SCHEME:
                return mistaken(base, schemeless, day);
            case OTHER_SCHEME:
                return mistaken(base, "ftp://" + schemeless, day);
            case INVALID_URL:
                return mistaken(base, base.url().replace(HOST, "www.shop example"), day);
            case WRONG_DATE:
                return mistaken(base, base.url(), day.minusDays(1));
            case NEGATIVE_TRANSACTIONS:
                return new Entry(new ConversionRow(base.url(), day, base.channel(), null,
                        -Objects.requireNonNull(base.transactions()), base.revenue()), null);
            case NEGATIVE_REVENUE:
                return new Entry(new ConversionRow(base.url(), day, base.channel(), null,
                        base.transactions(), Objects.requireNonNull(base.revenue()).negate()), null);
            case MISSING_URL:
                text[0] = "";
                break;
            case DATE_WITHOUT_DASHES:
                text[1] = day.format(DateTimeFormatter.BASIC_ISO_DATE);
                break;
            case IMPOSSIBLE_DATE:
                text[1] = String.format(Locale.ROOT, "%04d-02-30", day.getYear());
                break;
            case DECIMAL_COMMA:
                text[4] = text[4].replace('.', ',');
                break;
            case FRACTIONAL_TRANSACTIONS:
                text[3] = text[3] + ".5";
                break;
            case MISSING_COLUMN:
                return new Entry(null, Arrays.copyOf(text, text.length - 1));
            default:
                throw new AssertionError(mistake + " is written elsewhere");
        }
        return new Entry(null, text);
    }

    private static Entry mistaken(ConversionRow base, String url, LocalDate date) {
        return new Entry(new ConversionRow(url, date, base.channel(), null, base.transactions(),
                base.revenue()), null);
    }

    /** One record of the file: a row (written as a typed row), or text values (written as they are). */
    private static final class Entry {
        final @Nullable ConversionRow row;
        final String @Nullable [] text;

        Entry(@Nullable ConversionRow row, String @Nullable [] text) {
            this.row = row;
            this.text = text;
        }
    }
}
