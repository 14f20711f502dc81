package org.conversionkit.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes deterministic daily conversion files, as CSV (any delimiter) or NDJSON, for the benchmarks and
 * the memory stress test.
 *
 * <p>Every row has the file's date ({@value #DATE}), a realistic https URL of 40 to 120 characters (shop
 * hosts, category paths, product slugs, sometimes a query with tracking parameters, a comma list or a
 * {@code ;jsessionid} path parameter, sometimes a fragment), one of four channels, a small integer number of
 * transactions and a revenue with two decimals. In CSV, a URL that holds the delimiter is quoted, and one in
 * ten others is quoted anyway. The same seed gives the same rows in every format.
 *
 * <p>About 2.3% of the rows carry exactly one violation, so that the error path is exercised without
 * dominating: 1.7% an error ({@code DATE_MISMATCH}, {@code URL_RELATIVE}, {@code DATE_FORMAT}, revenue with
 * a decimal comma, fractional transactions; each makes its row invalid) and 0.6% a warning
 * ({@code URL_NO_SCHEME}, negative revenue; the row stays valid). The {@link Counts} the writer returns say
 * what a validator must find.
 */
public final class DataGenerator {

    /** The date of every generated file, and of its valid rows. */
    public static final String DATE = "2020-09-22";
    /** The seed of the default data. */
    public static final long SEED = 20200922L;

    private static final String[] CHANNELS = {"organic", "paid", "social", "email"};
    private static final String[] HOSTS = {
        "www.example-shop.com", "shop.example.co.uk", "m.boutique-exemple.fr", "www.gartenmoebel-beispiel.de",
        "store.example.com", "www.tienda-ejemplo.es", "outlet.example.net", "example.com",
    };
    private static final String[] WORDS = {
        "women", "men", "kids", "shoes", "sneakers", "boots", "dresses", "shirts", "jackets", "coats", "jeans",
        "accessories", "bags", "watches", "garden", "furniture", "chairs", "tables", "lighting", "kitchen", "sale",
        "new-arrivals", "running", "outdoor", "winter", "summer", "classic", "leather", "cotton", "wool", "blue",
        "black", "red", "organic-cotton", "limited-edition", "bestsellers", "home", "decor", "rugs", "lamps",
    };
    private static final String[] CAMPAIGNS = {"autumn-sale", "newsletter-38", "retargeting", "brand", "black-friday"};
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final SplittableRandom random;
    private final String day;
    private final String dayBefore;
    private final StringBuilder url = new StringBuilder(160);
    private final StringBuilder line = new StringBuilder(256);

    /**
     * Creates a generator.
     *
     * @param seed the seed; the same seed gives the same rows
     */
    public DataGenerator(long seed) {
        this(seed, LocalDate.parse(DATE));
    }

    /**
     * Creates a generator of another day's rows.
     *
     * @param seed the seed; the same seed gives the same rows
     * @param day  the day every valid row has
     */
    public DataGenerator(long seed, LocalDate day) {
        this.random = new SplittableRandom(seed);
        this.day = day.toString();
        this.dayBefore = day.minusDays(1).toString();
    }

    /** The formats the generator writes. */
    public enum Format {
        /** CSV with the default layout {@code url,date,channel,transactions,revenue}, no header. */
        CSV,
        /** One JSON object a line. */
        NDJSON
    }

    /**
     * What a validator must report for a generated file.
     *
     * @param records        the rows written
     * @param invalidRecords the rows with an error (one each)
     * @param warnings       the rows with a warning (one each; they are valid)
     * @param bytes          the size of the file in bytes
     */
    public record Counts(long records, long invalidRecords, long warnings, long bytes) {

        /**
         * Returns the rows without an error.
         *
         * @return records minus invalid records
         */
        public long validRecords() {
            return records - invalidRecords;
        }
    }

    /**
     * Writes a file of a number of rows.
     *
     * @param file      the file, replaced if it exists
     * @param format    the format
     * @param delimiter the CSV delimiter (ignored for NDJSON)
     * @param rows      how many rows
     * @param seed      the seed
     * @return what the file holds
     * @throws IOException if the file cannot be written
     */
    public static Counts write(Path file, Format format, char delimiter, long rows, long seed) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            return new DataGenerator(seed).write(out, format, delimiter, rows, 0);
        }
    }

    /**
     * Writes rows until both a number of rows and a number of bytes are reached.
     *
     * @param out       where to write; not closed
     * @param format    the format
     * @param delimiter the CSV delimiter (ignored for NDJSON)
     * @param minRows   the fewest rows
     * @param minBytes  the fewest bytes
     * @return what was written
     * @throws IOException if writing fails
     */
    public Counts write(Writer out, Format format, char delimiter, long minRows, long minBytes) throws IOException {
        long records = 0;
        long invalid = 0;
        long warnings = 0;
        long bytes = 0;
        while (records < minRows || bytes < minBytes) {
            line.setLength(0);
            int kind = row(format, delimiter);
            if (kind > 0) {
                invalid++;
            } else if (kind < 0) {
                warnings++;
            }
            // Every character is ASCII: one byte each.
            bytes += line.length();
            out.append(line);
            records++;
        }
        return new Counts(records, invalid, warnings, bytes);
    }

    /** Appends one row and its line feed; returns 1 for an error row, -1 for a warning row, else 0. */
    private int row(Format format, char delimiter) {
        int fault = random.nextInt(1000);
        buildUrl();
        String date = day;
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        int roll = random.nextInt(10);
        int transactions = roll < 6 ? 1 : roll < 9 ? 2 : 3 + random.nextInt(3);
        int cents = 500 + random.nextInt(49_500);
        String revenue = (cents / 100) + "." + (char) ('0' + cents / 10 % 10) + (char) ('0' + cents % 10);
        boolean fractionalTransactions = false;
        boolean quoteAnyway = random.nextInt(10) == 0;
        int result = 0;
        if (fault < 5) {
            date = dayBefore;
            result = 1;
        } else if (fault < 10) {
            url.delete(0, url.indexOf("/", "https://".length()));
            result = 1;
        } else if (fault < 13) {
            url.delete(0, "https://".length());
            result = -1;
        } else if (fault < 16) {
            revenue = revenue.replace('.', ',');
            result = 1;
        } else if (fault < 19) {
            revenue = "-" + revenue;
            result = -1;
        } else if (fault < 21) {
            fractionalTransactions = true;
            result = 1;
        } else if (fault < 23) {
            date = "22/09/2020";
            result = 1;
        }
        String count = fractionalTransactions ? transactions + ".0" : Integer.toString(transactions);
        if (format == Format.CSV) {
            csvField(url, delimiter, quoteAnyway);
            line.append(delimiter).append(date).append(delimiter).append(channel).append(delimiter).append(count)
                    .append(delimiter);
            csvField(revenue, delimiter, false);
        } else {
            line.append("{\"url\":\"").append(url).append("\",\"date\":\"").append(date)
                    .append("\",\"channel\":\"").append(channel).append("\",\"transactions\":").append(count)
                    .append(",\"revenue\":");
            if (revenue.indexOf(',') >= 0) {
                // A decimal comma cannot be a JSON number: exporters write it as a string.
                line.append('"').append(revenue).append('"');
            } else {
                line.append(revenue);
            }
            line.append('}');
        }
        line.append('\n');
        return result;
    }

    private void csvField(CharSequence value, char delimiter, boolean quoteAnyway) {
        boolean quote = quoteAnyway;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    /** Builds an https URL of 40 to 120 characters into {@link #url}. */
    private void buildUrl() {
        do {
            url.setLength(0);
            url.append("https://").append(HOSTS[random.nextInt(HOSTS.length)]);
            int segments = 1 + random.nextInt(3);
            for (int i = 0; i < segments; i++) {
                url.append('/').append(word());
            }
            url.append('/').append(word()).append('-').append(word()).append('-').append(random.nextInt(1_000_000));
            if (random.nextInt(3) == 0) {
                url.append(".html");
            }
            int extra = random.nextInt(100);
            if (extra < 3) {
                url.append(";jsessionid=");
                for (int i = 0; i < 16; i++) {
                    url.append(HEX[random.nextInt(16)]);
                }
            }
            if (extra >= 3 && extra < 23) {
                url.append("?utm_source=newsletter&utm_medium=email&utm_campaign=")
                        .append(CAMPAIGNS[random.nextInt(CAMPAIGNS.length)]);
            } else if (extra >= 23 && extra < 28) {
                url.append("?colors=").append(word()).append(',').append(word()).append("&size=m");
            } else if (extra >= 28 && extra < 35) {
                url.append("?q=").append(word()).append('+').append(word()).append("&page=")
                        .append(1 + random.nextInt(20));
            } else if (extra >= 35 && extra < 38) {
                url.append("?ref=home%20page");
            }
            if (random.nextInt(30) == 0) {
                url.append("#reviews");
            }
        } while (url.length() < 40 || url.length() > 120);
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
