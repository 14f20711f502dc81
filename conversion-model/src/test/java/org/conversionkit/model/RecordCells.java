package org.conversionkit.model;

import java.util.List;
import org.conversionkit.spec.Node;

/** Builds raw records from a case's input: {@code values} by field name, {@code kinds} where not strings. */
final class RecordCells {

    /** The conversion fields, in slot order. */
    static final List<String> CONVERSION_FIELDS = List.of("url", "date", "channel", "device", "transactions",
            "revenue");

    /** The CRM fields, in slot order ({@code id} is the id field's). */
    static final List<String> CRM_FIELDS = List.of("id", "createdAt", "updatedAt", "currency", "total", "status",
            "userId");

    private RecordCells() {
    }

    /** A record of strings in slot order, {@code null} for an absent value. */
    static RawRecord strings(long line, long record, String... texts) {
        ValueKind[] kinds = new ValueKind[texts.length];
        for (int i = 0; i < texts.length; i++) {
            kinds[i] = texts[i] == null ? null : ValueKind.STRING;
        }
        return RawRecord.of(line, record, texts, kinds, List.of(), null);
    }

    static RawRecord record(long line, long record, Node input, List<String> names) {
        input.only("values", "kinds");
        Node values = input.get("values");
        Node kinds = input.getOrEmpty("kinds");
        for (String name : values.keys()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException(values.path() + ": no field " + name);
            }
        }
        String[] texts = new String[names.size()];
        ValueKind[] slots = new ValueKind[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (values.has(name)) {
                texts[i] = values.text(name);
                slots[i] = kinds.has(name) ? ValueKind.valueOf(kinds.text(name)) : ValueKind.STRING;
            }
        }
        return RawRecord.of(line, record, texts, slots, List.of(), null);
    }
}
