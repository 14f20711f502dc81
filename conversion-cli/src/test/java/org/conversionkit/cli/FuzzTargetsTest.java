package org.conversionkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.csv.CsvLimits;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.json.CrmFeedReader;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.json.SchemaAnalysis;
import org.conversionkit.json.SchemaField;
import org.conversionkit.json.SchemaFinding;
import org.conversionkit.json.SchemaInference;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.ExportFileName;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.feed.BasicAuth;
import org.conversionkit.model.feed.FeedUrl;
import org.conversionkit.model.feed.FeedUrlException;
import org.conversionkit.model.feed.TableName;
import org.conversionkit.model.rules.DateRule;
import org.conversionkit.model.rules.IsoDateTimeRule;
import org.conversionkit.model.rules.NumberRules;
import org.conversionkit.model.rules.Problem;
import org.conversionkit.model.rules.UrlRule;
import org.conversionkit.validation.ConversionValidator;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;

/**
 * The fuzz targets: the CSV and JSON readers (with the validators over them), the URL, date and
 * number rules, the file-name parser, the feed-URL builder (with table names and the Basic Auth header),
 * and the CSV/JSON round trip. Each holds
 * its subject to the documented outcomes only: records and violations (see {@link Outcomes}), our own
 * located exception, {@code records == valid + invalid}, and no other exception.
 *
 * <p>In a normal test run every target replays its regression inputs from
 * {@code src/test/resources/org/conversionkit/cli/FuzzTargetsTestInputs/<target>/}; with
 * {@code JAZZER_FUZZ=1} one target is fuzzed, e.g.
 * {@code JAZZER_FUZZ=1 ./mvnw -pl conversion-cli -am test -Dtest='FuzzTargetsTest#csvReader'
 * -Dsurefire.failIfNoSpecifiedTests=false}. New corpus entries go to {@code .cifuzz-corpus/}, which git
 * ignores; a finding is written to the target's inputs directory and replays from then on. All targets live
 * in this one class because Jazzer costs seconds of start-up per class.
 */
class FuzzTargetsTest {

    private static final LocalDate FILE_DATE = LocalDate.of(2020, 9, 22);
    private static final String[] LAYOUTS = {"url,date,channel,transactions,revenue",
        "url,date,channel,device,transactions,revenue", "-,url,date", "date,url", "date,-,url,revenue,transactions"};

    // ---- readers ----

    @FuzzTest(maxDuration = "6m")
    void csvReader(FuzzedDataProvider data) {
        int delimiterChoice = data.consumeInt(0, 5);
        char delimiter = switch (delimiterChoice) {
            case 1 -> ',';
            case 2 -> ';';
            case 3 -> '\t';
            case 4 -> '|';
            case 5 -> data.consumeChar();
            default -> 0;
        };
        CsvLimits limits = data.consumeBoolean() ? CsvLimits.DEFAULTS : CsvLimits.builder()
                .maxFieldSize(data.consumeInt(1, 64)).maxRecordSize(data.consumeInt(1, 256))
                .maxFieldsPerRecord(data.consumeInt(1, 8)).maxFileBytes(data.consumeLong(1, 4096))
                .maxRecords(data.consumeLong(1, 16)).build();
        ColumnLayout layout = ColumnLayout.parse(LAYOUTS[data.consumeInt(0, LAYOUTS.length - 1)]);
        boolean chars = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();

        ConversionCsvReader.Builder builder = ConversionCsvReader.builder()
                .profile(ConversionProfile.builder().columns(layout).date(FILE_DATE).build()).limits(limits);
        if (delimiterChoice > 0) {
            if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
                assertThatThrownBy(() -> builder.delimiter(delimiter)).isInstanceOf(IllegalArgumentException.class);
                return;
            }
            builder.delimiter(delimiter);
        }
        String text = new String(bytes, UTF_8);
        List<RawRecord> records;
        try (RecordSource source = chars ? builder.source(new StringReader(text))
                : builder.source(new ByteArrayInputStream(bytes))) {
            records = Outcomes.readAll(source, Outcomes.CSV, true);
            assertThat(source.format()).isEqualTo("csv");
            assertThat(source.delimiter()).hasValueSatisfying(d -> assertThat(d).hasSize(1));
            assertThat(source.blankLines()).isNotNegative();
        }
        try (RecordSource source = chars ? builder.source(new StringReader(text))
                : builder.source(new ByteArrayInputStream(bytes))) {
            ValidationReport report = ConversionValidator.builder().build().validate(source);
            Outcomes.checkReport(report, records, Outcomes.CSV);
        }
        long skipping;
        try (ConversionCsvReader reader = builder.invalidRecords(InvalidRecordStrategy.SKIP)
                .build(new ByteArrayInputStream(chars ? text.getBytes(UTF_8) : bytes))) {
            long rows = 0;
            for (ConversionRow row : reader) {
                assertThat(row.url()).isNotBlank();
                rows++;
            }
            skipping = reader.recordsRead();
            assertThat(rows + reader.recordsSkipped()).as("rows + skipped == records").isEqualTo(skipping);
        }
        try (ConversionCsvReader reader = builder.invalidRecords(InvalidRecordStrategy.FAIL)
                .build(new ByteArrayInputStream(chars ? text.getBytes(UTF_8) : bytes))) {
            readTyped(reader.iterator());
        }
    }

    @FuzzTest(maxDuration = "6m")
    void jsonReader(FuzzedDataProvider data) {
        int profile = data.consumeInt(0, 2);
        JsonLimits limits = data.consumeBoolean() ? JsonLimits.DEFAULTS : JsonLimits.builder()
                .maxNestingDepth(data.consumeInt(1, 8)).maxStringLength(data.consumeInt(1, 64))
                .maxNumberLength(data.consumeInt(1, 32)).maxNameLength(data.consumeInt(1, 32))
                .maxRecordSize(data.consumeLong(1, 512)).maxFileBytes(data.consumeLong(1, 4096))
                .maxRecords(data.consumeLong(1, 16)).maxSchemaFields(data.consumeInt(1, 16)).build();
        boolean chars = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        String text = new String(bytes, UTF_8);

        if (profile == 0) {
            ConversionJsonReader.Builder builder = ConversionJsonReader.builder()
                    .profile(ConversionProfile.builder().date(FILE_DATE).build()).limits(limits);
            List<RawRecord> records;
            try (RecordSource source = chars ? builder.source(new StringReader(text))
                    : builder.source(new ByteArrayInputStream(bytes))) {
                records = Outcomes.readAll(source, Outcomes.JSON, false);
                assertThat(source.format()).isEqualTo("json");
            }
            try (RecordSource source = chars ? builder.source(new StringReader(text))
                    : builder.source(new ByteArrayInputStream(bytes))) {
                ValidationReport report = ConversionValidator.builder().build().validate(source);
                Outcomes.checkReport(report, records, Outcomes.JSON);
            }
            try (ConversionJsonReader reader = builder.invalidRecords(InvalidRecordStrategy.SKIP)
                    .build(new ByteArrayInputStream(bytes))) {
                long rows = reader.stream().count();
                assertThat(rows + reader.recordsSkipped()).isEqualTo(reader.recordsRead());
            }
            try (ConversionJsonReader reader = builder.invalidRecords(InvalidRecordStrategy.FAIL)
                    .build(new ByteArrayInputStream(bytes))) {
                readTyped(reader.iterator());
            }
        } else {
            CrmProfile.Builder feed = CrmProfile.builder();
            if (profile == 2) {
                feed.dailyFeed(FILE_DATE);
            }
            CrmFeedReader.Builder builder = CrmFeedReader.builder().profile(feed.build()).limits(limits);
            List<RawRecord> records;
            try (RecordSource source = chars ? builder.source(new StringReader(text))
                    : builder.source(new ByteArrayInputStream(bytes))) {
                records = Outcomes.readAll(source, Outcomes.CRM, false);
            }
            FeedValidator validator = FeedValidator.builder().build();
            try (RecordSource source = builder.source(new ByteArrayInputStream(bytes))) {
                if (!chars) {
                    Outcomes.checkReport(validator.validate(source), records, Outcomes.CRM);
                }
            }
            try (CrmFeedReader reader = builder.invalidRecords(InvalidRecordStrategy.SKIP)
                    .build(new ByteArrayInputStream(bytes))) {
                long rows = 0;
                for (CrmRecord record : reader) {
                    assertThat(record).isNotNull();
                    rows++;
                }
                assertThat(rows + reader.recordsSkipped()).isEqualTo(reader.recordsRead());
            }
            for (SchemaInference inference : List.of(SchemaInference.builder().limits(limits).build(),
                    SchemaInference.builder().limits(limits).bigQueryExact().sampleRows(2)
                            .emptyFields(SchemaInference.EmptyFields.OMIT).build())) {
                checkSchema(inference, bytes, limits);
            }
        }
    }

    /**
     * Schema inference never fails on bytes: what it cannot take is a finding, once per field and kind, and
     * {@code infer} gives the same schema or, for unreadable input, our located exception.
     */
    private static void checkSchema(SchemaInference inference, byte[] bytes, JsonLimits limits) {
        SchemaAnalysis analysis = inference.analyze(new ByteArrayInputStream(bytes));
        assertThat(analysis.schema().size()).isLessThanOrEqualTo(limits.maxSchemaFields());
        Set<String> seen = new HashSet<>();
        for (SchemaFinding finding : analysis.findings()) {
            assertThat(finding.line()).isNotNegative();
            assertThat(finding.message()).isNotBlank();
            if (finding.field() != null) {
                assertThat(seen.add(finding.field() + " " + finding.kind())).as("once per field and kind: %s", finding)
                        .isTrue();
            }
        }
        assertThat(analysis.valid()).isEqualTo(analysis.errors() == 0);
        boolean unreadable = !analysis.findings(SchemaFinding.Kind.UNREADABLE).isEmpty()
                || !analysis.findings(SchemaFinding.Kind.NOT_AN_OBJECT).isEmpty();
        List<SchemaField> schema = Outcomes.orDocumented(() -> inference.infer(new ByteArrayInputStream(bytes)),
                ConversionDataException.class);
        assertThat(schema == null).isEqualTo(unreadable);
        if (schema != null) {
            assertThat(schema).isEqualTo(analysis.schema());
        }
    }

    /** Iterates typed rows until the end or the first record with an error, our located exception. */
    private static void readTyped(java.util.Iterator<?> rows) {
        try {
            while (rows.hasNext()) {
                assertThat(rows.next()).isNotNull();
            }
        } catch (ConversionDataException e) {
            assertThat(e.line()).isPositive();
            assertThat(e.record()).isPositive();
            assertThat(e.violations()).anyMatch(Violation::isError);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    // ---- rules ----

    private static final Set<ViolationCode> URL_CODES = Set.of(ViolationCode.FIELD_MISSING,
            ViolationCode.URL_RELATIVE, ViolationCode.URL_SCHEME, ViolationCode.URL_INVALID,
            ViolationCode.URL_NO_SCHEME);

    @FuzzTest(maxDuration = "6m")
    void urlRule(FuzzedDataProvider data) {
        boolean surrogate = data.consumeBoolean();
        String url = new String(data.consumeRemainingAsBytes(), UTF_8);
        checkUrl(url);
        if (surrogate) {
            checkUrl(url + '\uD800');
            checkUrl(url.isEmpty() ? "\uDC00" : url.substring(0, url.length() / 2) + '\uDC00'
                    + url.substring(url.length() / 2));
        }
    }

    private static void checkUrl(String url) {
        Problem problem = UrlRule.check(url);
        assertThat(UrlRule.isAbsoluteHttpUrl(url)).isEqualTo(problem == null);
        if (problem == null) {
            String lower = url.toLowerCase(Locale.ROOT);
            assertThat(lower.startsWith("http://") || lower.startsWith("https://")).as(url).isTrue();
            int authority = url.indexOf("//") + 2;
            int end = authority;
            while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
                end++;
            }
            String host = url.substring(url.lastIndexOf('@', end - 1) + 1, end);
            assertThat(host).as("host of %s", url).isNotEmpty().doesNotStartWith(":");
            assertThat(url.substring(authority, end).chars().filter(c -> c == '@').count()).isLessThanOrEqualTo(1);
            for (int i = 0; i < url.length(); i++) {
                char c = url.charAt(i);
                assertThat(c <= ' ' || c == 0x7F || "\\\"<>`".indexOf(c) >= 0).as("char %s of %s", i, url).isFalse();
                assertThat(Character.isWhitespace(c) || Character.isISOControl(c)).isFalse();
                if (Character.isHighSurrogate(c)) {
                    assertThat(i + 1 < url.length() && Character.isLowSurrogate(url.charAt(i + 1))).isTrue();
                    i++;
                } else {
                    assertThat(Character.isLowSurrogate(c)).isFalse();
                }
                if (c == '%') {
                    assertThat(i + 2 < url.length() && Character.digit(url.charAt(i + 1), 16) >= 0
                            && Character.digit(url.charAt(i + 2), 16) >= 0).as("escape in %s", url).isTrue();
                }
            }
            return;
        }
        assertThat(URL_CODES).contains(problem.code());
        assertThat(problem.message()).isNotBlank();
        if (url.isBlank()) {
            assertThat(problem.code()).isEqualTo(ViolationCode.FIELD_MISSING);
        }
        if (problem.code() == ViolationCode.URL_NO_SCHEME) {
            // Documented: a warning only when the URL would be valid with the project's protocol.
            String rest = url.startsWith("//") ? url.substring(2) : url;
            assertThat(UrlRule.check("https://" + rest)).as("https://%s", rest).isNull();
        }
        FeedUrlException refused = null;
        try {
            FeedUrl.parse(url);
        } catch (FeedUrlException e) {
            refused = e;
        }
        assertThat(refused).as("a feed URL passes the URL rule: %s", url).isNotNull();
    }

    private static final Pattern ISO_DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    // RFC 3339 (T and Z in either case, seconds, any fraction, +HH:MM) and the contract's date alone, no offset, and
    // the SQL form's space (issue 14).
    private static final Pattern ISO_DATE_TIME = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})(?:([Tt ])([0-9]{2}):"
            + "([0-9]{2}):([0-9]{2})(?:\\.([0-9]+))?([Zz]|[+-][0-9]{2}:[0-9]{2})?)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(?:\\.[0-9]+)?");

    @FuzzTest(maxDuration = "6m")
    void dateAndNumberRules(FuzzedDataProvider data) {
        String value = new String(data.consumeRemainingAsBytes(), UTF_8);

        Problem date = DateRule.check(value);
        if (value.isBlank()) {
            assertThat(date).isNotNull().extracting(Problem::code).isEqualTo(ViolationCode.FIELD_MISSING);
        } else if (!ISO_DATE.matcher(value).matches()) {
            assertThat(date).as(value).isNotNull().extracting(Problem::code).isEqualTo(ViolationCode.DATE_FORMAT);
        } else {
            LocalDate parsed = null;
            try {
                parsed = LocalDate.parse(value);
            } catch (DateTimeException e) {
                assertThat(date).as(value).isNotNull().extracting(Problem::code).isEqualTo(ViolationCode.DATE_INVALID);
            }
            if (parsed != null) {
                assertThat(date).as(value).isNull();
                assertThat(DateRule.parse(value)).isEqualTo(parsed);
            }
        }

        Problem dateTime = IsoDateTimeRule.check("createdAt", value);
        Matcher m = ISO_DATE_TIME.matcher(value);
        if (value.isBlank()) {
            assertThat(dateTime).isNotNull().extracting(Problem::code).isEqualTo(ViolationCode.FIELD_MISSING);
        } else if (!m.matches()) {
            assertThat(dateTime).as(value).isNotNull().extracting(Problem::code).isEqualTo(ViolationCode.DATE_FORMAT);
        } else {
            boolean possible = possibleDateTime(m);
            if (possible) {
                if (" ".equals(m.group(4))) {
                    assertThat(dateTime).as(value).isNotNull().extracting(Problem::code)
                            .isEqualTo(ViolationCode.DATE_TIME_SEPARATOR);
                } else {
                    assertThat(dateTime).as(value).isNull();
                }
                assertThat(IsoDateTimeRule.parse("createdAt", value)).isNotNull();
            } else {
                assertThat(dateTime).as(value).isNotNull().extracting(Problem::code)
                        .isEqualTo(ViolationCode.DATE_INVALID);
            }
        }

        if (!value.isBlank()) {
            Problem integer = NumberRules.checkInteger("transactions", value);
            boolean fits = INTEGER.matcher(value).matches() && new BigInteger(value).bitLength() < 64;
            assertThat(integer == null).as("integer %s", value).isEqualTo(fits);
            if (integer == null) {
                assertThat(NumberRules.parseInteger(value)).isEqualTo(new BigInteger(value).longValueExact());
            }
            Problem decimal = NumberRules.checkDecimal("revenue", value);
            if (decimal == null) {
                assertThat(DECIMAL.matcher(value).matches()).as("decimal %s", value).isTrue();
                assertThat(Double.isFinite(new BigDecimal(value).doubleValue())).isTrue();
            } else {
                assertThat(decimal.code()).isEqualTo(ViolationCode.FIELD_TYPE);
            }
            Problem number = NumberRules.checkJsonNumber("revenue", value);
            if (number == null) {
                assertThat(Double.isFinite(new BigDecimal(value).doubleValue())).as("number %s", value).isTrue();
            } else {
                assertThat(number.code()).isEqualTo(ViolationCode.FIELD_TYPE);
            }
        }
    }

    private static boolean possibleDateTime(Matcher m) {
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return true;
            }
            int second = Integer.parseInt(m.group(7));
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                    second == 60 ? 59 : second);
            String offset = m.group(9);
            ZoneOffset zone = ZoneOffset.UTC;
            if (offset != null && !offset.equalsIgnoreCase("Z")) {
                int hours = Integer.parseInt(offset.substring(1, 3));
                int minutes = Integer.parseInt(offset.substring(4));
                int sign = offset.charAt(0) == '-' ? -1 : 1;
                zone = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            }
            if (second == 60) {
                // RFC 3339's leap second: 23:59:60 UTC on a month's last day (as written without an offset).
                LocalDateTime utc = OffsetDateTime.of(LocalDate.of(Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))).atTime(time), zone)
                        .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                return utc.getHour() == 23 && utc.getMinute() == 59
                        && utc.getDayOfMonth() == utc.toLocalDate().lengthOfMonth();
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static final Pattern NAME_DATE = Pattern.compile("(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])");

    @FuzzTest(maxDuration = "6m")
    void exportFileName(FuzzedDataProvider data) {
        LocalDate date = LocalDate.ofEpochDay(data.consumeLong(LocalDate.of(0, 1, 1).toEpochDay(),
                LocalDate.of(9999, 12, 31).toEpochDay()));
        String extension = data.consumeString(8);
        String prefix = data.consumeString(16);
        String name = new String(data.consumeRemainingAsBytes(), UTF_8);

        ExportFileName parsed = ExportFileName.parse(name);
        assertThat(parsed.name()).isEqualTo(name);
        assertThat(parsed.violations()).hasSizeLessThanOrEqualTo(1);
        assertThat(parsed.date() == null).isEqualTo(!parsed.violations().isEmpty());
        String base = ExportFileName.baseName(name);
        Matcher dates = NAME_DATE.matcher(base);
        int count = 0;
        String only = null;
        while (dates.find()) {
            count++;
            only = dates.group();
        }
        for (Violation violation : parsed.violations()) {
            assertThat(violation.line()).isZero();
            assertThat(violation.record()).isZero();
            assertThat(violation.isError()).isTrue();
            ViolationCode expected = count == 0 ? ViolationCode.FILENAME_NO_DATE
                    : count > 1 ? ViolationCode.FILENAME_MULTIPLE_DATES : ViolationCode.FILENAME_DATE_INVALID;
            assertThat(violation.code()).as(name).isEqualTo(expected);
        }
        if (count == 1 && parsed.date() != null) {
            assertThat(parsed.date()).hasToString(only);
        }

        String built = Outcomes.orDocumented(() -> ExportFileName.of(prefix, date, extension),
                IllegalArgumentException.class);
        if (built != null) {
            assertThat(ExportFileName.parse(built).date()).as(built).isEqualTo(date);
        }
    }

    @FuzzTest(maxDuration = "6m")
    void feedUrl(FuzzedDataProvider data) {
        LocalDate from = LocalDate.ofEpochDay(data.consumeLong(LocalDate.of(1990, 1, 1).toEpochDay(),
                LocalDate.of(2100, 1, 1).toEpochDay()));
        int days = data.consumeInt(0, 40);
        String user = data.consumeString(24);
        String password = data.consumeString(24);
        String url = new String(data.consumeRemainingAsBytes(), UTF_8);

        FeedUrl feed;
        try {
            feed = FeedUrl.parse(url);
        } catch (FeedUrlException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
            if (e.reason() == FeedUrlException.Reason.CREDENTIALS) {
                // The user information, up to the last '@' of the authority, is shown as ***.
                int start = url.indexOf("//") + 2;
                int end = start;
                while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
                    end++;
                }
                int at = url.lastIndexOf('@', end - 1);
                assertThat(e.url()).as("credentials masked").isEqualTo(url.substring(0, start) + "***"
                        + url.substring(at));
                if (!e.url().equals(url)) {
                    // Unless the user information is *** itself, the message must not show the URL as given.
                    assertThat(e.getMessage()).as("credentials masked").doesNotContain(url);
                }
            }
            feed = null;
        }
        if (feed != null) {
            assertThat(UrlRule.check(url)).as(url).isNull();
            assertThat(feed.url()).isEqualTo(url);
            String daily = feed.withDate(from);
            String basic = String.format(Locale.ROOT, "%04d%02d%02d", from.getYear(), from.getMonthValue(),
                    from.getDayOfMonth());
            assertThat(daily).startsWith(url).endsWith("date=" + basic);
            assertThat(UrlRule.check(daily)).as(daily).isNull();
            assertThatThrownBy(() -> FeedUrl.parse(daily)).as("a daily URL holds a date: %s", daily)
                    .isInstanceOfSatisfying(FeedUrlException.class,
                            e -> assertThat(e.reason()).isEqualTo(FeedUrlException.Reason.DATE_PARAMETER));
            List<String> range = feed.forDates(from, from.plusDays(days));
            assertThat(range).hasSize(days + 1).first().isEqualTo(daily);
            assertThat(feed.warnings()).hasSizeLessThanOrEqualTo(1);
        }

        TableName table = Outcomes.orDocumented(() -> TableName.parse(url), IllegalArgumentException.class);
        if (table != null) {
            assertThat(TableName.parse(table.toString())).isEqualTo(table);
            TableName daily = Outcomes.orDocumented(() -> table.forDate(from), IllegalArgumentException.class);
            if (daily != null) {
                assertThat(daily.table()).isEqualTo(table.table() + "_" + String.format(Locale.ROOT, "%04d%02d%02d",
                        from.getYear(), from.getMonthValue(), from.getDayOfMonth()));
                assertThat(TableName.parse(daily.toString())).isEqualTo(daily);
            }
        }

        String header = Outcomes.orDocumented(() -> BasicAuth.headerValue(user, password),
                IllegalArgumentException.class);
        if (header != null) {
            assertThat(header).startsWith("Basic ");
            assertThat(new String(Base64.getDecoder().decode(header.substring(6)), UTF_8))
                    .isEqualTo(user + ":" + password);
        }
    }

    // ---- round trip ----

    @FuzzTest(maxDuration = "6m")
    void roundTrip(FuzzedDataProvider data) {
        RoundTrip.check(new RoundTrip.FuzzChoices(data));
    }
}
