package org.conversionkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.conversionkit.spec.Expect;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the file and feed cases of {@code spec/validation/conversions.json} and {@code spec/validation/crm.json}:
 * records built in memory, as a reader would deliver them, checked into a report that must match the case's
 * expectations exactly. Every case runs twice, with and without a consumer of valid rows, and both runs must give
 * the same report.
 */
class FileCasesTest {

    /** The counts every case gives, all of them. */
    static final List<String> COUNTS = List.of("valid", "records", "validRecords", "invalidRecords", "blankLines",
            "errors", "warnings", "truncated", "date");

    static Stream<SpecCase> cases() {
        return Stream.concat(Spec.load("validation/conversions.json").cases().stream(),
                Spec.load("validation/crm.json").cases().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportMatchesTheCase(SpecCase c) {
        c.node().only("id", "why", "options", "input", "expect");
        Node options = c.options();
        Node input = c.get("input").only("name", "format", "delimiter", "blankLines", "records");
        Profile profile = Profile.of(options.text("profile", "conversions"));
        String file = input.has("name") ? input.text("name") : null;
        List<RawRecord> records = records(input.get("records"), profile, options);
        String format = input.text("format");
        String delimiter = input.get("delimiter").textOrNull();
        long blankLines = input.longValue("blankLines");

        List<Object> delivered = new ArrayList<>();
        ValidationReport streamed;
        ValidationReport checked;
        // "-" is standard input, a source without a name.
        String name = file == null || file.equals("-") ? null : file;
        FileProfile fileProfile = profile == Profile.CONVERSIONS ? conversionProfile(options) : crmProfile(options);
        int maxViolations = (int) options.longValue("maxViolations",
                ConversionValidator.Builder.DEFAULT_MAX_VIOLATIONS);
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
        assertThat(report.records()).isEqualTo(report.validRecords() + report.invalidRecords());
        assertThat(report.records()).as("every record read is counted").isEqualTo(records.size());
        checkReport(c.expect().only("report", "delivered"), report);
        assertThat(delivered).as("valid rows delivered").hasSize((int) c.expect().longValue("delivered"))
                .hasSize((int) report.validRecords());
    }

    /** Holds a report to a case's {@code report}: every count, and every violation, in order. */
    static void checkReport(Node expect, ValidationReport report) {
        Node expected = expect.get("report");
        assertThat(expected.keys()).as("%s: every count", expected.path())
                .containsExactlyInAnyOrderElementsOf(concat(COUNTS, "violations"));
        for (Violation violation : report.violations()) {
            assertThat(violation.message()).as("message of %s", violation).isNotBlank();
        }
        Expect.check(expected, render(report));
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    /** A report as a case writes it. */
    static Map<String, @Nullable Object> render(ValidationReport report) {
        Map<String, @Nullable Object> rendered = new LinkedHashMap<>();
        rendered.put("valid", report.valid());
        rendered.put("records", report.records());
        rendered.put("validRecords", report.validRecords());
        rendered.put("invalidRecords", report.invalidRecords());
        rendered.put("blankLines", report.blankLines());
        rendered.put("errors", report.errors());
        rendered.put("warnings", report.warnings());
        rendered.put("truncated", report.truncated());
        rendered.put("date", report.date() == null ? null : report.date().toString());
        List<Object> violations = new ArrayList<>();
        for (Violation v : report.violations()) {
            violations.add(violation(v));
        }
        rendered.put("violations", violations);
        return rendered;
    }

    /** A violation as a case writes it: its components, the severity as the contract writes it (error, warning). */
    @SuppressWarnings("unchecked")
    static Map<String, @Nullable Object> violation(Violation v) {
        Map<String, @Nullable Object> violation = (Map<String, @Nullable Object>) Expect.plain(v);
        violation.put("severity", v.severity().label());
        return violation;
    }

    private static ConversionProfile conversionProfile(Node options) {
        options.only("profile", "date", "defaults", "strict", "maxTrackedRows", "maxViolations");
        FieldDefaults defaults = FieldDefaults.NONE;
        for (Map.Entry<String, Node> entry : options.getOrEmpty("defaults").fields().entrySet()) {
            defaults = defaults.with(entry.getKey() + "=" + entry.getValue().text());
        }
        ConversionProfile.Builder builder = ConversionProfile.builder().defaults(defaults)
                .strictness(options.bool("strict", false) ? Strictness.STRICT : Strictness.STANDARD);
        if (options.has("date")) {
            builder.date(LocalDate.parse(options.text("date")));
        }
        if (options.has("maxTrackedRows")) {
            builder.limits(ConversionLimits.builder().maxTrackedRows((int) options.longValue("maxTrackedRows"))
                    .build());
        }
        return builder.build();
    }

    static CrmProfile crmProfile(Node options) {
        options.only("profile", "strict", "maxViolations", "idField", "feedDate", "feedZone", "maxTrackedIds");
        CrmProfile.Builder builder = CrmProfile.builder().idField(options.text("idField", CrmField.DEFAULT_ID_FIELD))
                .strictness(options.bool("strict", false) ? Strictness.STRICT : Strictness.STANDARD);
        if (options.has("feedDate")) {
            builder.dailyFeed(LocalDate.parse(options.text("feedDate")));
        }
        if (options.has("feedZone")) {
            builder.feedZone(ZoneId.of(options.text("feedZone")));
        }
        if (options.has("maxTrackedIds")) {
            builder.limits(FeedLimits.builder().maxTrackedIds((int) options.longValue("maxTrackedIds")).build());
        }
        return builder.build();
    }

    /** Builds a case's records, in order: each values by field name (kinds where not strings), or rejected. */
    static List<RawRecord> records(Node list, Profile profile, Node options) {
        String idField = options.text("idField", CrmField.DEFAULT_ID_FIELD);
        List<RawRecord> records = new ArrayList<>();
        for (Node node : list.list()) {
            node.only("line", "record", "values", "kinds", "violations", "rejected");
            long lineNumber = node.longValue("line");
            long recordNumber = node.longValue("record");
            if (node.has("rejected")) {
                List<Violation> violations = new ArrayList<>();
                for (String code : node.get("rejected").texts()) {
                    violations.add(Violation.of(ViolationCode.valueOf(code), lineNumber, recordNumber, null, null,
                            "the reader rejected the record: " + code));
                }
                records.add(RawRecord.rejected(lineNumber, recordNumber, violations));
                continue;
            }
            int slots = profile == Profile.CONVERSIONS ? Field.values().length : CrmField.values().length;
            @Nullable String[] values = new String[slots];
            @Nullable ValueKind[] kinds = new ValueKind[slots];
            Node givenKinds = node.getOrEmpty("kinds");
            boolean typed = profile == Profile.CRM || node.has("kinds");
            List<Violation> violations = new ArrayList<>();
            for (Node found : node.has("violations") ? node.get("violations").list() : List.<Node>of()) {
                found.only("code", "field");
                String code = found.text("code");
                violations.add(Violation.of(ViolationCode.valueOf(code), lineNumber, recordNumber,
                        found.has("field") ? found.text("field") : null, null, "the reader found " + code));
            }
            Map<String, @Nullable Object> extras = new LinkedHashMap<>();
            for (Map.Entry<String, Node> entry : node.get("values").fields().entrySet()) {
                String name = entry.getKey();
                String value = entry.getValue().text();
                ValueKind kind = givenKinds.has(name) ? ValueKind.valueOf(givenKinds.text(name)) : ValueKind.STRING;
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
