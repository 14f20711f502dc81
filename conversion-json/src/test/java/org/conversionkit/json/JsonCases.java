package org.conversionkit.json;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.Field;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.spec.Expect;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.SpecCase;
import org.jspecify.annotations.Nullable;

/**
 * The JSON cases ({@code spec/json.json}, {@code spec/crm.json}): their options as profiles, their inputs as bytes or
 * characters, and what came out rendered as the cases write it.
 */
final class JsonCases {

    private JsonCases() {
    }

    /** The profile of a conversion case's {@code date} and {@code defaults}. */
    static ConversionProfile conversionProfile(Node options) {
        options.only("date", "defaults");
        FieldDefaults defaults = FieldDefaults.NONE;
        for (Map.Entry<String, Node> entry : options.getOrEmpty("defaults").fields().entrySet()) {
            defaults = defaults.with(Field.byName(entry.getKey()).orElseThrow(), entry.getValue().text());
        }
        return ConversionProfile.builder().defaults(defaults)
                .date(options.has("date") ? LocalDate.parse(options.text("date")) : null).build();
    }

    /** The profile of a CRM case's {@code idField}. */
    static CrmProfile crmProfile(Node options) {
        options.only("idField");
        return options.has("idField") ? CrmProfile.builder().idField(options.text("idField")).build()
                : CrmProfile.DEFAULT;
    }

    /** A source of the case's input, from bytes or (when {@code chars}) characters. */
    static RecordSource source(ConversionJsonReader.Builder builder, SpecCase c, boolean chars) {
        return chars ? builder.source(new StringReader(c.input().text()))
                : builder.source(new ByteArrayInputStream(c.input().bytes()));
    }

    static RecordSource source(CrmFeedReader.Builder builder, SpecCase c, boolean chars) {
        return chars ? builder.source(new StringReader(c.input().text()))
                : builder.source(new ByteArrayInputStream(c.input().bytes()));
    }

    /** A record as a case gives it: record, line, violations, row (null, or {@link #row}). */
    static Map<String, @Nullable Object> record(RawRecord record, List<Violation> violations, @Nullable Object row) {
        Map<String, @Nullable Object> rendered = new LinkedHashMap<>();
        rendered.put("record", record.record());
        rendered.put("line", record.line());
        rendered.put("violations", Expect.plain(violations));
        rendered.put("row", row == null ? null : row(row));
        return rendered;
    }

    /**
     * A typed row or CRM record as a case gives it: its components, dates and decimals as text (a decimal's text
     * says its scale); a CRM record's extras with their JSON types.
     */
    @SuppressWarnings("unchecked")
    static Map<String, @Nullable Object> row(Object row) {
        if (row instanceof CrmRecord crm) {
            Map<String, @Nullable Object> rendered = (Map<String, @Nullable Object>) Expect.plain(crm,
                    CrmDateTime.class);
            rendered.put("total", crm.total() == null ? null : crm.total().toString());
            return rendered;
        }
        return (Map<String, @Nullable Object>) Expect.plain(row, BigDecimal.class);
    }
}
