package org.conversionkit.csv;

import java.time.LocalDate;
import java.util.Map;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.Field;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.SpecException;

/** The options of a CSV case ({@code spec/csv.json}): the profile, the limits and the reader's builder. */
final class CsvCases {

    private CsvCases() {
    }

    /** The profile of {@code date}, {@code columns} and {@code defaults}. */
    static ConversionProfile profile(Node options) {
        options.only("date", "columns", "defaults", "delimiter", "limits");
        FieldDefaults defaults = FieldDefaults.NONE;
        for (Map.Entry<String, Node> entry : options.getOrEmpty("defaults").fields().entrySet()) {
            defaults = defaults.with(Field.byName(entry.getKey()).orElseThrow(), entry.getValue().text());
        }
        ConversionProfile.Builder profile = ConversionProfile.builder().defaults(defaults);
        if (options.has("columns")) {
            profile.columns(ColumnLayout.parse(options.text("columns")));
        }
        if (options.has("date")) {
            profile.date(LocalDate.parse(options.text("date")));
        }
        return profile.build();
    }

    /** The builder of a reader with the case's profile, limits and delimiter. */
    static ConversionCsvReader.Builder builder(Node options) {
        ConversionCsvReader.Builder builder = ConversionCsvReader.builder().profile(profile(options))
                .limits(limits(options.getOrEmpty("limits")));
        if (options.has("delimiter")) {
            builder.delimiter(options.text("delimiter").charAt(0));
        }
        return builder;
    }

    private static CsvLimits limits(Node limits) {
        CsvLimits.Builder builder = CsvLimits.DEFAULTS.toBuilder();
        for (Map.Entry<String, Node> entry : limits.fields().entrySet()) {
            long value = entry.getValue().longValue();
            switch (entry.getKey()) {
                case "maxFieldSize" -> builder.maxFieldSize(Math.toIntExact(value));
                case "maxRecordSize" -> builder.maxRecordSize(Math.toIntExact(value));
                case "maxFieldsPerRecord" -> builder.maxFieldsPerRecord(Math.toIntExact(value));
                case "maxFileBytes" -> builder.maxFileBytes(value);
                case "maxRecords" -> builder.maxRecords(value);
                default -> throw new SpecException(entry.getValue().path() + ": no limit " + entry.getKey());
            }
        }
        return builder.build();
    }
}
