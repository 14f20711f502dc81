package org.conversionkit.json.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>A key that appears twice in one object, the record's or one nested in it (extras are kept whole), is a
 * {@code DUPLICATE_KEY} error of the record, located at the repeated key, whose value is skipped; reading goes
 * on. Found here rather than by the parser, which could only stop: a bit set for the checked fields, a set
 * per nesting level for the other keys, kept from record to record.
 */
final class CrmObjects implements ObjectHandler {

    private static final int SLOTS = CrmField.values().length;

    private final String idField;
    private final boolean keepExtras;
    /** The keys seen in the objects being read, one set per nesting level (0: the record), reused. */
    private final List<Set<String>> keys = new ArrayList<>();

    CrmObjects(String idField, boolean keepExtras) {
        this.idField = idField;
        this.keepExtras = keepExtras;
    }

    @Override
    public boolean detectsDuplicates() {
        return true;
    }

    @Override
    public RawRecord readObject(JsonCursor cursor, long line, long record) {
        @Nullable String[] values = new String[SLOTS];
        @Nullable ValueKind[] kinds = new ValueKind[SLOTS];
        Map<String, @Nullable Object> extras = keepExtras ? new LinkedHashMap<>() : null;
        Problems problems = new Problems(line, record);
        Set<String> others = keys(0);
        int seen = 0;
        String name;
        while ((name = cursor.nextName()) != null) {
            cursor.checkSize();
            int slot = slotOf(name);
            boolean duplicate = slot >= 0 ? (seen & 1 << slot) != 0 : !others.add(name);
            if (duplicate) {
                problems.duplicateKey(cursor, name);
                cursor.skipValue(cursor.nextToken());
                continue;
            }
            JsonToken token = cursor.nextToken();
            if (slot >= 0) {
                seen |= 1 << slot;
                cursor.readSlot(token, slot, values, kinds);
            } else if (extras != null) {
                extras.put(name, readValue(cursor, token, name, problems, 1));
            } else {
                skipChecking(cursor, token, name, problems);
            }
        }
        return RawRecord.of(line, record, values, kinds, problems.list, extras);
    }

    /** Returns the empty set of keys of a nesting level. */
    private Set<String> keys(int depth) {
        while (keys.size() <= depth) {
            keys.add(new HashSet<>());
        }
        Set<String> set = keys.get(depth);
        set.clear();
        return set;
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

    private @Nullable Object readValue(JsonCursor cursor, JsonToken token, String key, Problems problems,
            int depth) {
        switch (token) {
            case VALUE_STRING:
                return cursor.getString();
            case VALUE_NUMBER_INT:
                return cursor.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? cursor.getBigIntegerValue()
                        : (Object) cursor.getLongValue();
            case VALUE_NUMBER_FLOAT: {
                String text = cursor.getString();
                return problems.checkNumber(key, text) ? new BigDecimal(text) : null;
            }
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
                return false;
            case START_OBJECT: {
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                String name;
                while ((name = cursor.nextName()) != null) {
                    cursor.checkSize();
                    if (map.containsKey(name)) {
                        problems.duplicateKey(cursor, name);
                        cursor.skipValue(cursor.nextToken());
                    } else {
                        map.put(name, readValue(cursor, cursor.nextToken(), key, problems, depth + 1));
                    }
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY: {
                List<@Nullable Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = cursor.nextToken()) != JsonToken.END_ARRAY && next != null) {
                    cursor.checkSize();
                    list.add(readValue(cursor, next, key, problems, depth + 1));
                }
                return Collections.unmodifiableList(list);
            }
            default:
                return null;
        }
    }

    /**
     * Skips a value that is not kept, checking what keeping it would check: its numbers, and the keys of every
     * object in it. The value holds objects at the nesting levels from 1 on (the record's own keys are level 0);
     * an array in an object does not open a level of keys, so each object's keys are checked in the set of its
     * own level, which is cleared when the object starts.
     */
    private void skipChecking(JsonCursor cursor, JsonToken token, String key, Problems problems) {
        if (!token.isStructStart()) {
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                problems.checkNumber(key, cursor.getString());
            }
            return;
        }
        JsonToken next = token;
        int depth = 0;
        // The set of keys of each open level: objects only; arrays have none (null).
        List<@Nullable Set<String>> open = new ArrayList<>(4);
        do {
            if (next == JsonToken.START_OBJECT) {
                depth++;
                open.add(keys(objectLevel(open) + 1));
            } else if (next == JsonToken.START_ARRAY) {
                depth++;
                open.add(null);
            } else if (next.isStructEnd()) {
                depth--;
                open.remove(open.size() - 1);
            } else if (next == JsonToken.PROPERTY_NAME) {
                Set<String> names = open.get(open.size() - 1);
                String name = cursor.currentName();
                if (names != null && name != null && !names.add(name)) {
                    problems.duplicateKey(cursor, name);
                    cursor.skipValue(cursor.nextToken());
                }
            } else if (next == JsonToken.VALUE_NUMBER_FLOAT) {
                problems.checkNumber(key, cursor.getString());
            }
            if (depth == 0) {
                return;
            }
            next = cursor.nextToken();
            cursor.checkSize();
        } while (next != null);
    }

    /** Returns how many objects are open in a skipped value's stack of levels. */
    private static int objectLevel(List<@Nullable Set<String>> open) {
        int objects = 0;
        for (Set<String> level : open) {
            if (level != null) {
                objects++;
            }
        }
        return objects;
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

        /** Adds the {@code DUPLICATE_KEY} of a key the parser stands on. */
        void duplicateKey(JsonCursor cursor, String name) {
            add(JsonErrors.duplicateKey(cursor, line, record, name));
        }

        void add(Violation violation) {
            if (list.isEmpty()) {
                list = new ArrayList<>(1);
            }
            list.add(violation);
        }

        boolean checkNumber(String key, String text) {
            Problem problem = NumberRules.checkJsonNumber(key, text);
            if (problem == null) {
                return true;
            }
            add(Violation.of(problem.code(), line, record, key, text, problem.message()));
            return false;
        }
    }
}
