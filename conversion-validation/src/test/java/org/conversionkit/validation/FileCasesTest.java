package org.conversionkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.conversionkit.model.ConversionLimits;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.FeedLimits;
import org.conversionkit.model.Field;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.FileProfile;
import org.conversionkit.model.Profile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.ValueKind;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the file and feed cases of {@code conversion-cases.txt} and {@code crm-cases.txt}: records
 * built in memory, as a reader would deliver them, checked into a report that must match the case's
 * expectations exactly. Every case runs twice, with and without a consumer of valid rows, and both
 * runs must give the same report.
 */
class FileCasesTest {

    private static final List<String> COUNTS = List.of("valid", "records", "valid-records", "invalid-records",
            "blank-lines", "errors", "warnings", "truncated", "date");

    static Stream<Fixtures.Case> cases() {
        return Stream.concat(Fixtures.read("conversion-cases.txt").stream(), Fixtures.read("crm-cases.txt").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportMatchesTheCase(Fixtures.Case c) {
        Profile profile = Profile.of(c.one("profile", "conversions"));
        String file = c.has("file") ? c.one("file", "") : null;
        List<RawRecord> records = records(c, profile);
        String[] source = c.one("source", "csv , 0").split(" ");
        String format = source[0];
        String delimiter = switch (source[1]) {
            case "-" -> null;
            case "tab" -> "\t";
            default -> source[1];
        };
        long blankLines = Long.parseLong(source[2]);

        List<Object> delivered = new ArrayList<>();
        ValidationReport streamed;
        ValidationReport checked;
        // "-" is standard input, a source without a name.
        String name = file == null || file.equals("-") ? null : file;
        FileProfile fileProfile = profile == Profile.CONVERSIONS ? conversionProfile(c) : crmProfile(c);
        int maxViolations = Integer.parseInt(c.one("max-violations",
                String.valueOf(ConversionValidator.Builder.DEFAULT_MAX_VIOLATIONS)));
        if (profile == Profile.CONVERSIONS) {
            ConversionValidator validator = ConversionValidator.builder().maxViolations(maxViolations).build();
            streamed = validator.validate(new InMemorySource(records, format, delimiter, blankLines).named(name)
                    .with(fileProfile), delivered::add);
            checked = validator.validate(new InMemorySource(records, format, delimiter, blankLines).named(name)
                    .with(fileProfile));
        } else {
            FeedValidator validator = FeedValidator.builder().maxViolations(maxViolations).build();
            streamed = validator.validate(new InMemorySource(records, format, delimiter, blankLines).named(name)
                    .with(fileProfile), delivered::add);
            checked = validator.validate(new InMemorySource(records, format, delimiter, blankLines).named(name)
                    .with(fileProfile));
        }
        assertThat(checked).as("the same report with and without a row consumer").isEqualTo(streamed);

        ValidationReport report = streamed;
        assertThat(report.profile()).isEqualTo(profile);
        assertThat(report.file()).isEqualTo(file == null ? ValidationReport.NO_NAME : file);
        assertThat(report.format()).isEqualTo(format);
        assertThat(report.delimiter()).isEqualTo(delimiter);
        assertThat(counts(report)).as("report counts").isEqualTo(expectations(c));
        assertThat(report.records()).isEqualTo(report.validRecords() + report.invalidRecords());
        assertThat(report.records()).as("every record read is counted").isEqualTo(records.size());

        assertViolations(c, report.violations());
        assertThat(delivered).as("valid rows delivered").hasSize(Integer.parseInt(c.one("delivered", "-1")))
                .hasSize((int) report.validRecords());
    }

    /** A report's counts, as a case's {@code expect} line gives them. */
    static Map<String, String> counts(ValidationReport report) {
        Map<String, String> actual = new LinkedHashMap<>();
        actual.put("valid", String.valueOf(report.valid()));
        actual.put("records", String.valueOf(report.records()));
        actual.put("valid-records", String.valueOf(report.validRecords()));
        actual.put("invalid-records", String.valueOf(report.invalidRecords()));
        actual.put("blank-lines", String.valueOf(report.blankLines()));
        actual.put("errors", String.valueOf(report.errors()));
        actual.put("warnings", String.valueOf(report.warnings()));
        actual.put("truncated", String.valueOf(report.truncated()));
        actual.put("date", report.date() == null ? "none" : report.date().toString());
        return actual;
    }

    static void assertViolations(Fixtures.Case c, List<Violation> actual) {
        List<String> expected = new ArrayList<>();
        List<String> found = new ArrayList<>();
        List<Fixtures.Line> lines = c.all("violation");
        for (int i = 0; i < Math.max(lines.size(), actual.size()); i++) {
            Fixtures.Line line = i < lines.size() ? lines.get(i) : null;
            Violation violation = i < actual.size() ? actual.get(i) : null;
            String[] valueSplit = line == null ? new String[0] : line.value().split(" = ", 2);
            boolean withValue = valueSplit.length == 2;
            if (line != null) {
                expected.add(valueSplit[0] + (withValue ? " = " + valueSplit[1] : ""));
            }
            if (violation != null) {
                assertThat(violation.message()).as("message of %s", violation).isNotBlank();
                found.add(describe(violation) + (withValue ? " = " + violation.value() : ""));
            }
        }
        assertThat(found).as("violations (severity CODE line/record field [= value])").isEqualTo(expected);
    }

    static String describe(Violation violation) {
        return violation.severity().label() + " " + violation.code() + " " + violation.line() + "/"
                + violation.record() + " " + (violation.field() == null ? "-" : violation.field());
    }

    static Map<String, String> expectations(Fixtures.Case c) {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> given = new HashMap<>();
        for (String pair : c.one("expect", "").split("\\s+")) {
            String[] kv = pair.split("=", 2);
            given.put(kv[0], kv[1]);
        }
        for (String key : COUNTS) {
            String value = given.remove(key);
            assertThat(value).as("%s: expect %s=", c.name(), key).isNotNull();
            expected.put(key, value);
        }
        assertThat(given).as("%s: unknown expectations", c.name()).isEmpty();
        return expected;
    }

    private static ConversionProfile conversionProfile(Fixtures.Case c) {
        FieldDefaults defaults = FieldDefaults.NONE;
        for (Fixtures.Line line : c.all("default")) {
            defaults = defaults.with(line.value());
        }
        ConversionProfile.Builder builder = ConversionProfile.builder().defaults(defaults)
                .strictness(c.has("strict") ? Strictness.STRICT : Strictness.STANDARD);
        if (c.has("date")) {
            builder.date(LocalDate.parse(c.one("date", "")));
        }
        if (c.has("max-tracked-rows")) {
            builder.limits(ConversionLimits.builder().maxTrackedRows(Integer.parseInt(c.one("max-tracked-rows", "")))
                    .build());
        }
        return builder.build();
    }

    static CrmProfile crmProfile(Fixtures.Case c) {
        CrmProfile.Builder builder = CrmProfile.builder().idField(c.one("id-field", CrmField.DEFAULT_ID_FIELD))
                .strictness(c.has("strict") ? Strictness.STRICT : Strictness.STANDARD);
        if (c.has("feed-date")) {
            builder.dailyFeed(LocalDate.parse(c.one("feed-date", "")));
        }
        if (c.has("feed-zone")) {
            builder.feedZone(ZoneId.of(c.one("feed-zone", "")));
        }
        if (c.has("max-tracked-ids")) {
            builder.limits(FeedLimits.builder().maxTrackedIds(Integer.parseInt(c.one("max-tracked-ids", ""))).build());
        }
        return builder.build();
    }

    /** Builds the case's records from its {@code row} and {@code rejected} lines, in order. */
    static List<RawRecord> records(Fixtures.Case c, Profile profile) {
        String idField = c.one("id-field", CrmField.DEFAULT_ID_FIELD);
        List<RawRecord> records = new ArrayList<>();
        for (Fixtures.Line line : c.lines()) {
            if (!line.key().equals("row") && !line.key().equals("rejected")) {
                continue;
            }
            String[] at = line.arg().split("/");
            long lineNumber = Long.parseLong(at[0]);
            long recordNumber = Long.parseLong(at[1]);
            if (line.key().equals("rejected")) {
                List<Violation> violations = new ArrayList<>();
                for (String code : line.value().split("\\s+")) {
                    violations.add(Violation.of(ViolationCode.valueOf(code), lineNumber, recordNumber, null, null,
                            "the reader rejected the record: " + code));
                }
                records.add(RawRecord.rejected(lineNumber, recordNumber, violations));
                continue;
            }
            int slots = profile == Profile.CONVERSIONS ? Field.values().length : CrmField.values().length;
            @Nullable String[] values = new String[slots];
            @Nullable ValueKind[] kinds = new ValueKind[slots];
            boolean typed = profile == Profile.CRM;
            List<Violation> violations = new ArrayList<>();
            Map<String, @Nullable Object> extras = new LinkedHashMap<>();
            for (String token : line.value().split(" \\| ")) {
                token = token.strip();
                if (token.startsWith("!")) {
                    String[] parts = token.substring(1).split(" ");
                    violations.add(Violation.of(ViolationCode.valueOf(parts[0]), lineNumber, recordNumber,
                            parts.length > 1 ? parts[1] : null, null, "the reader found " + parts[0]));
                    continue;
                }
                int equals = token.indexOf('=');
                String name = token.substring(0, equals);
                String value = token.substring(equals + 1);
                ValueKind kind = ValueKind.STRING;
                int colon = name.indexOf(':');
                if (colon >= 0) {
                    kind = ValueKind.valueOf(name.substring(colon + 1));
                    name = name.substring(0, colon);
                    typed = true;
                }
                int slot = slot(profile, name, idField);
                if (slot < 0) {
                    extras.put(name, value);
                } else {
                    values[slot] = value;
                    kinds[slot] = kind;
                }
            }
            records.add(typed
                    ? RawRecord.of(lineNumber, recordNumber, values, kinds, violations,
                            profile == Profile.CRM ? extras : null)
                    : RawRecord.ofText(lineNumber, recordNumber, values, violations));
        }
        return records;
    }

    private static int slot(Profile profile, String name, String idField) {
        if (profile == Profile.CONVERSIONS) {
            return Field.byName(name).orElseThrow(() -> new IllegalArgumentException("no field " + name)).ordinal();
        }
        if (name.equals(idField)) {
            return CrmField.ID.ordinal();
        }
        return Arrays.stream(CrmField.values()).filter(field -> field != CrmField.ID
                && field.defaultName().equals(name)).mapToInt(Enum::ordinal).findFirst().orElse(-1);
    }
}
