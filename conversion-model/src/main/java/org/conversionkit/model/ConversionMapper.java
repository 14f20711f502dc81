package org.conversionkit.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.conversionkit.model.internal.PlainRowCheck;
import org.conversionkit.model.rules.DateRule;
import org.conversionkit.model.rules.NumberRules;
import org.conversionkit.model.rules.Problem;
import org.conversionkit.model.rules.UrlRule;
import org.jspecify.annotations.Nullable;

/**
 * Turns raw records into conversion rows, checking every field rule on the way: the one mapping
 * that CSV and JSON readers and the validator share.
 *
 * <p>For each record: the reader's violations are passed on first, and a record the reader
 * rejected gets nothing more. A totals row ({@code Total}, {@code Grand total}, {@code Sum} … as url or date, and
 * no date) gets one violation that says so, and nothing more. Then {@code url} ({@link UrlRule}) and {@code date}
 * ({@link DateRule}, and {@code DATE_MISMATCH} against the expected date when one is set);
 * {@code channel} and {@code device} as text; {@code transactions} an integer and {@code revenue} a
 * decimal ({@link NumberRules}), each with a {@code NEGATIVE_VALUE} warning below zero. An absent or
 * empty optional field takes its default, if any; a blank number too, while blank text is a value, kept as
 * written (readers trim unquoted CSV values, so blank text was quoted, or a JSON string). A JSON value must be of a
 * fitting kind: {@code transactions} an integral JSON number or a string holding an integer, {@code revenue}
 * any JSON number or a string holding a plain decimal, text fields a string or number; anything
 * else is {@code FIELD_TYPE}.
 *
 * <p>Instances are immutable and thread-safe. Good records cost no allocation beyond the row.
 */
public final class ConversionMapper {

    private static final int URL = Field.URL.ordinal();
    private static final int DATE = Field.DATE.ordinal();
    private static final int CHANNEL = Field.CHANNEL.ordinal();
    private static final int DEVICE = Field.DEVICE.ordinal();
    private static final int TRANSACTIONS = Field.TRANSACTIONS.ordinal();
    private static final int REVENUE = Field.REVENUE.ordinal();

    /** The first values of a totals row, lower case: what spreadsheets and reporting tools write there. */
    static final java.util.Set<String> TOTALS = java.util.Set.of("total", "totals", "grand total", "sum",
            "subtotal", "sub-total", "sub total", "overall", "all");

    private final FieldDefaults defaults;
    private final @Nullable LocalDate expectedDate;
    private final @Nullable String expectedText;
    /** The plain-row test of the fast path, for the expected date. */
    private final PlainRowCheck plainRows;

    private ConversionMapper(Builder builder) {
        this.defaults = builder.defaults;
        this.expectedDate = builder.expectedDate;
        this.expectedText = expectedDate == null ? null : expectedDate.toString();
        this.plainRows = PlainRowCheck.of(expectedDate);
    }

    /**
     * Returns a builder. Defaults: no field defaults ({@link FieldDefaults#NONE}); no expected date.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the mapper of a file's rows under a profile: the profile's defaults, and the date
     * {@link ConversionProfile#dateFor(String) the profile gives} for the file.
     *
     * @param profile  the profile
     * @param fileName the file's name or path as given, or {@code null} for an input without a name
     * @return the mapper
     */
    public static ConversionMapper of(ConversionProfile profile, @Nullable String fileName) {
        return builder().defaults(profile.defaults()).expectedDate(profile.dateFor(fileName).orElse(null)).build();
    }

    /**
     * Maps a record to a row, reporting every violation to the sink.
     *
     * @param record the raw record
     * @param sink   receives the record's violations, warnings included, in order
     * @return the row, or {@code null} when the record has an error
     */
    public @Nullable ConversionRow map(RawRecord record, Consumer<? super Violation> sink) {
        if (!check(record, sink)) {
            return null;
        }
        String url = Objects.requireNonNull(record.value(URL));
        String date = Objects.requireNonNull(record.value(DATE));
        String transactions = effective(record, Field.TRANSACTIONS);
        String revenue = effective(record, Field.REVENUE);
        return new ConversionRow(url, DateRule.toDate(date, 0),
                effective(record, Field.CHANNEL), effective(record, Field.DEVICE),
                transactions == null ? null : NumberRules.parseInteger(transactions),
                revenue == null ? null : new BigDecimal(revenue));
    }

    /**
     * Checks a record without building a row, reporting every violation to the sink.
     *
     * @param record the raw record
     * @param sink   receives the record's violations, warnings included, in order
     * @return {@code true} when the record has no error
     */
    public boolean check(RawRecord record, Consumer<? super Violation> sink) {
        return isPlainRow(record) || checkThoroughly(record, sink);
    }

    /**
     * Checks a record with every rule, without the fast path of {@code isPlainRow}.
     *
     * @param record the raw record
     * @param sink   receives the record's violations, warnings included, in order
     * @return {@code true} when the record has no error
     */
    boolean checkThoroughly(RawRecord record, Consumer<? super Violation> sink) {
        List<Violation> readerViolations = record.violations();
        if (!readerViolations.isEmpty()) {
            boolean rejected = false;
            for (Violation violation : readerViolations) {
                sink.accept(violation);
                rejected |= violation.isError();
            }
            if (rejected) {
                return false;
            }
        }
        if (isTotalsRow(record, sink)) {
            return false;
        }
        boolean ok = checkUrl(record, sink);
        ok &= checkDate(record, sink);
        ok &= checkText(record, Field.CHANNEL, sink);
        ok &= checkText(record, Field.DEVICE, sink);
        ok &= checkTransactions(record, sink);
        ok &= checkRevenue(record, sink);
        return ok;
    }

    /**
     * The fast path of {@link #check(RawRecord, Consumer)} for the row nearly every record is: no reader violation;
     * values that pass the plain-row test ({@link PlainRowCheck#isPlain(String[])}, the one a validator applies to
     * a reader's characters: a plain URL, the expected date, unsigned plain numbers); and JSON kinds that fit:
     * a string url and date, text channel and device, transactions a string or integer, revenue a string or
     * number. Such a row passes every rule without a violation, so {@code true} is exact; {@code false} means
     * "look closer".
     */
    boolean isPlainRow(RawRecord record) {
        @Nullable String[] values = record.values();
        @Nullable ValueKind[] kinds = record.kinds();
        if (values.length <= REVENUE || !record.violations().isEmpty()) {
            return false;
        }
        ValueKind countKind = kinds[TRANSACTIONS];
        return kinds[URL] == ValueKind.STRING && kinds[DATE] == ValueKind.STRING
                && !isStructured(values[CHANNEL] == null ? null : kinds[CHANNEL])
                && !isStructured(values[DEVICE] == null ? null : kinds[DEVICE])
                && (values[TRANSACTIONS] == null || countKind == ValueKind.STRING || countKind == ValueKind.INTEGER)
                && (values[REVENUE] == null || isNumberOrText(kinds[REVENUE]))
                && plainRows.isPlain(values);
    }

    /**
     * Returns the defaults of optional fields.
     *
     * @return the defaults
     */
    public FieldDefaults defaults() {
        return defaults;
    }

    /**
     * Returns the date every row must have, if one is set.
     *
     * @return the expected date
     */
    public Optional<LocalDate> expectedDate() {
        return Optional.ofNullable(expectedDate);
    }

    /**
     * Reports a totals row, a spreadsheet's sum of the rows above it, with one violation that says so, instead of
     * the url and date rules' own: a row whose url or date holds a word such as {@code Total}, {@code Grand total}
     * or {@code Sum} ({@link #TOTALS}, in any case, with or without a final colon), and no date (the date absent,
     * blank or not shaped like one). A row with a date is a row like any other.
     */
    private static boolean isTotalsRow(RawRecord record, Consumer<? super Violation> sink) {
        String url = record.value(URL);
        String date = record.value(DATE);
        boolean inUrl = isTotalsWord(url);
        if (!inUrl && !isTotalsWord(date)) {
            return false;
        }
        if (date != null && !date.isBlank() && !isTotalsWord(date)) {
            Problem dateProblem = DateRule.check(date);
            if (dateProblem == null || dateProblem.code() != ViolationCode.DATE_FORMAT) {
                return false;
            }
        }
        Field field = inUrl ? Field.URL : Field.DATE;
        String word = Objects.requireNonNull(inUrl ? url : date);
        return !report(record, field, word, new Problem(inUrl ? ViolationCode.URL_INVALID : ViolationCode.DATE_FORMAT,
                "'" + Violation.shorten(word.strip()) + "' and no date: this looks like a totals row, the sum of the"
                        + " rows above it, not a conversion row; a file holds one report of rows, without summary rows:"
                        + " remove the line"), sink);
    }

    /** Returns whether a value is a word of {@link #TOTALS}, trimmed, in any case, with or without a final colon. */
    private static boolean isTotalsWord(@Nullable String value) {
        if (value == null || value.length() > 16) {
            return false;
        }
        String word = value.strip().toLowerCase(java.util.Locale.ROOT);
        return TOTALS.contains(word.endsWith(":") ? word.substring(0, word.length() - 1).strip() : word);
    }

    private boolean checkUrl(RawRecord record, Consumer<? super Violation> sink) {
        String value = record.value(URL);
        ValueKind kind = record.kind(URL);
        Problem problem = isStructured(kind) ? typeProblem(Field.URL, kind) : UrlRule.check(value);
        return report(record, Field.URL, value, problem, sink);
    }

    private boolean checkDate(RawRecord record, Consumer<? super Violation> sink) {
        String value = record.value(DATE);
        ValueKind kind = record.kind(DATE);
        // The common case first: the date every row of a daily file has.
        if (value != null && value.equals(expectedText)) {
            return true;
        }
        Problem problem = isStructured(kind) ? typeProblem(Field.DATE, kind) : DateRule.check(value);
        if (problem == null && expectedText != null) {
            problem = new Problem(ViolationCode.DATE_MISMATCH, "row date " + value + " differs from the file's date "
                    + expectedText + ": a daily file holds only its own day's rows; move the row to the file of "
                    + value);
        }
        return report(record, Field.DATE, value, problem, sink);
    }

    private boolean checkText(RawRecord record, Field field, Consumer<? super Violation> sink) {
        ValueKind kind = record.kind(field.ordinal());
        if (isStructured(kind)) {
            return report(record, field, record.value(field.ordinal()), typeProblem(field, kind), sink);
        }
        return true;
    }

    private boolean checkTransactions(RawRecord record, Consumer<? super Violation> sink) {
        int slot = Field.TRANSACTIONS.ordinal();
        String value = record.value(slot);
        if (value == null || value.isBlank()) {
            return true;
        }
        ValueKind kind = Objects.requireNonNull(record.kind(slot));
        String name = Field.TRANSACTIONS.fieldName();
        Problem problem = switch (kind) {
            case STRING, INTEGER -> NumberRules.checkInteger(name, value);
            case DECIMAL -> new Problem(ViolationCode.FIELD_TYPE,
                    name + " must be an integral number such as 2, not " + Violation.shorten(value));
            default -> typeProblem(Field.TRANSACTIONS, kind);
        };
        return checkNumber(record, Field.TRANSACTIONS, value, problem, sink);
    }

    private boolean checkRevenue(RawRecord record, Consumer<? super Violation> sink) {
        int slot = Field.REVENUE.ordinal();
        String value = record.value(slot);
        if (value == null || value.isBlank()) {
            return true;
        }
        ValueKind kind = Objects.requireNonNull(record.kind(slot));
        String name = Field.REVENUE.fieldName();
        Problem problem = switch (kind) {
            case STRING -> NumberRules.checkDecimal(name, value);
            case INTEGER, DECIMAL -> NumberRules.checkJsonNumber(name, value);
            default -> typeProblem(Field.REVENUE, kind);
        };
        return checkNumber(record, Field.REVENUE, value, problem, sink);
    }

    private static boolean checkNumber(RawRecord record, Field field, String value, @Nullable Problem problem,
            Consumer<? super Violation> sink) {
        if (problem == null && NumberRules.isNegative(value)) {
            problem = new Problem(ViolationCode.NEGATIVE_VALUE, field.fieldName() + " " + Violation.shorten(value)
                    + " is negative: conversions are counted, not undone; check the export");
        }
        return report(record, field, value, problem, sink);
    }

    /**
     * Returns the value of an optional field, or its default when absent or empty; text is kept as written when
     * blank, a number is not.
     */
    private @Nullable String effective(RawRecord record, Field field) {
        String value = record.value(field.ordinal());
        boolean none = value == null || value.isEmpty()
                || (value.isBlank() && (field == Field.TRANSACTIONS || field == Field.REVENUE));
        return none ? defaults.get(field) : value;
    }

    private static boolean report(RawRecord record, Field field, @Nullable String value, @Nullable Problem problem,
            Consumer<? super Violation> sink) {
        if (problem == null) {
            return true;
        }
        Violation violation = new Violation(problem.code(), problem.code().defaultSeverity(), record.line(),
                record.column(field.ordinal()), record.record(), field.fieldName(), value, problem.message());
        sink.accept(violation);
        return !violation.isError();
    }

    private static boolean isNumberOrText(@Nullable ValueKind kind) {
        return kind == ValueKind.STRING || kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL;
    }

    private static boolean isStructured(@Nullable ValueKind kind) {
        return kind == ValueKind.BOOLEAN || kind == ValueKind.OBJECT || kind == ValueKind.ARRAY;
    }

    private static Problem typeProblem(Field field, @Nullable ValueKind kind) {
        String expected = switch (field) {
            case TRANSACTIONS -> "an integral number";
            case REVENUE -> "a number";
            default -> "a string";
        };
        return new Problem(ViolationCode.FIELD_TYPE, field.fieldName() + " must be " + expected + ", not a JSON "
                + String.valueOf(kind).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Builds a {@link ConversionMapper}.
     *
     * <p>Defaults: no field defaults; no expected date.
     */
    public static final class Builder {

        private FieldDefaults defaults = FieldDefaults.NONE;
        private @Nullable LocalDate expectedDate;

        private Builder() {
        }

        /**
         * Sets the values absent optional fields take.
         *
         * @param defaults the defaults
         * @return this builder
         */
        public Builder defaults(FieldDefaults defaults) {
            this.defaults = Objects.requireNonNull(defaults, "defaults");
            return this;
        }

        /**
         * Sets the date every row must have (the file's date): another date is {@code DATE_MISMATCH}.
         *
         * @param expectedDate the date, or {@code null} for none
         * @return this builder
         */
        public Builder expectedDate(@Nullable LocalDate expectedDate) {
            this.expectedDate = expectedDate;
            return this;
        }

        /**
         * Builds the mapper.
         *
         * @return the mapper
         */
        public ConversionMapper build() {
            return new ConversionMapper(this);
        }
    }
}
