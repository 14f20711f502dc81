package org.conversionkit.json.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.ValueKind;
import org.conversionkit.model.Violation;
import org.conversionkit.model.rules.NumberRules;
import org.conversionkit.model.rules.Problem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads CRM records: the checked fields into their slots (the id from the configured key), every
 * other key kept as an extra, in order, as a plain Java value — or skipped, when extras are not
 * wanted (validation).
 *
 * <p>Extras hold {@link String}, {@link Long} or {@link java.math.BigInteger}, {@link BigDecimal},
 * {@link Boolean}, {@code null}, and unmodifiable {@link Map}s and {@link List}s. A number that
 * {@link NumberRules#checkJsonNumber(String, String)} refuses (beyond a 64-bit float's range, which
 * the warehouse cannot hold either) is {@code FIELD_TYPE} on its key, whether extras are kept or
 * not, so that validating and reading agree.
 */
final class CrmObjects implements ObjectHandler {

    private static final int SLOTS = CrmField.values().length;

    private final String idField;
    private final boolean keepExtras;

    CrmObjects(String idField, boolean keepExtras) {
        this.idField = idField;
        this.keepExtras = keepExtras;
    }

    @Override
    public RawRecord readObject(JsonRecordSource source, long line, long record) {
        JsonParser parser = source.parser();
        @Nullable String[] values = new String[SLOTS];
        @Nullable ValueKind[] kinds = new ValueKind[SLOTS];
        Map<String, @Nullable Object> extras = keepExtras ? new LinkedHashMap<>() : null;
        Problems problems = new Problems(line, record);
        String name;
        while ((name = parser.nextName()) != null) {
            source.checkSize();
            JsonToken token = parser.nextToken();
            int slot = slotOf(name);
            if (slot >= 0) {
                source.readSlot(token, slot, values, kinds);
            } else if (extras != null) {
                extras.put(name, readValue(source, token, name, problems));
            } else {
                skipChecking(source, token, name, problems);
            }
        }
        return RawRecord.of(line, record, values, kinds, problems.list, extras);
    }

    private int slotOf(String name) {
        if (name.equals(idField)) {
            return CrmField.ID.ordinal();
        }
        switch (name) {
            case "createdAt":
                return CrmField.CREATED_AT.ordinal();
            case "updatedAt":
                return CrmField.UPDATED_AT.ordinal();
            case "currency":
                return CrmField.CURRENCY.ordinal();
            case "total":
                return CrmField.TOTAL.ordinal();
            case "status":
                return CrmField.STATUS.ordinal();
            case "userId":
                return CrmField.USER_ID.ordinal();
            default:
                return -1;
        }
    }

    private static @Nullable Object readValue(JsonRecordSource source, JsonToken token, String key,
            Problems problems) {
        JsonParser parser = source.parser();
        switch (token) {
            case VALUE_STRING:
                return parser.getString();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue()
                        : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT: {
                String text = parser.getString();
                return problems.checkNumber(key, text) ? new BigDecimal(text) : null;
            }
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
                return false;
            case START_OBJECT: {
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                String name;
                while ((name = parser.nextName()) != null) {
                    source.checkSize();
                    map.put(name, readValue(source, parser.nextToken(), key, problems));
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY: {
                List<@Nullable Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY && next != null) {
                    source.checkSize();
                    list.add(readValue(source, next, key, problems));
                }
                return Collections.unmodifiableList(list);
            }
            default:
                return null;
        }
    }

    private static void skipChecking(JsonRecordSource source, JsonToken token, String key, Problems problems) {
        JsonParser parser = source.parser();
        JsonToken next = token;
        int depth = 0;
        do {
            if (next.isStructStart()) {
                depth++;
            } else if (next.isStructEnd()) {
                depth--;
            } else if (next == JsonToken.VALUE_NUMBER_FLOAT) {
                problems.checkNumber(key, parser.getString());
            }
            if (depth == 0) {
                return;
            }
            next = parser.nextToken();
            source.checkSize();
        } while (next != null);
    }

    /** The record's number problems, allocated only when there is one. */
    private static final class Problems {

        private final long line;
        private final long record;
        List<Violation> list = List.of();

        Problems(long line, long record) {
            this.line = line;
            this.record = record;
        }

        boolean checkNumber(String key, String text) {
            Problem problem = NumberRules.checkJsonNumber(key, text);
            if (problem == null) {
                return true;
            }
            if (list.isEmpty()) {
                list = new ArrayList<>(1);
            }
            list.add(Violation.of(problem.code(), line, record, key, text, problem.message()));
            return false;
        }
    }
}
