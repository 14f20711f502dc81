package org.conversionkit.json.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.conversionkit.model.Field;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.ValueKind;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.internal.HeldValues;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * Reads conversion rows: keys matched exactly to {@link Field}s; any other key is an
 * {@code UNKNOWN_FIELD} warning and its value is skipped unread.
 *
 * <p>The hot path of validation, so two things the parser could do are done here, cheaper: keys
 * are matched by identity first (the parser hands out one canonical instance per distinct key),
 * and duplicate keys of a row are found with a bit set (a set only for unknown keys) instead of
 * the parser's per-object hash set. A duplicate key is valid JSON but an ambiguous row: a
 * {@code DUPLICATE_KEY} error of its record, located at the repeated key, whose value is skipped;
 * reading goes on. Duplicates inside the skipped value of an unknown key are not looked for, since
 * that value is never read.
 *
 * <p>While the source {@linkplain JsonCursor#holding() holds records}, each value is first only copied aside (the
 * parser reuses its buffer from token to token) while it is text: a string, or a number of a kind its slot takes.
 * A record whose values are all held, without an unknown or repeated key, is handed over as
 * {@link ObjectHandler#HELD} and built ({@link #buildHeld()}) only when asked; any other gets its strings from
 * the copies, exactly as without holding.
 *
 * <p>One instance per record source: it caches that parser's key instances.
 */
final class ConversionObjects implements ObjectHandler {

    private static final int SLOTS = Field.values().length;
    private static final int URL = Field.URL.ordinal();
    private static final int DATE = Field.DATE.ordinal();
    private static final int TRANSACTIONS = Field.TRANSACTIONS.ordinal();
    private static final String KNOWN = "url, date, channel, device, transactions, revenue";

    private final @Nullable String[] names = new String[SLOTS];
    /** For each slot, the slot whose key followed it in the last row that had it. */
    private final int[] next = new int[SLOTS];
    /** The slot of the first key of the last row. */
    private int first;
    /** The values of the row in progress held as text, copied aside, and their kinds. */
    private final HeldValues held = new HeldValues(SLOTS);
    private final ValueKind[] heldKinds = new ValueKind[SLOTS];

    @Override
    public boolean detectsDuplicates() {
        return true;
    }

    @Override
    // jackson-core interns the names it reads, and the slots' names are literals: identity is equality here.
    @SuppressWarnings("ReferenceEquality")
    public RawRecord readObject(JsonCursor cursor, long line, long record) {
        boolean plain = cursor.holding();
        held.clear();
        held.place(line, record);
        // Built on the first value that is not held aside: a held row needs neither.
        @Nullable String[] values = null;
        @Nullable ValueKind[] kinds = null;
        List<Violation> violations = List.of();
        Set<String> unknown = null;
        int seen = 0;
        int previous = -1;
        int guess = first;
        String name;
        while ((name = cursor.nextName()) != null) {
            cursor.checkSize();
            // Rows repeat their key order, so the guess is nearly always right: one comparison a key.
            int slot = names[guess] == name ? guess : slotOf(name);
            if (slot >= 0) {
                if ((seen & 1 << slot) != 0) {
                    violations = add(violations, duplicate(cursor, name, line, record));
                    plain = false;
                    cursor.skipValue(cursor.nextToken());
                    continue;
                }
                seen |= 1 << slot;
                if (previous < 0) {
                    first = slot;
                } else {
                    next[previous] = slot;
                }
                previous = slot;
                guess = next[slot];
                JsonToken token = cursor.nextToken();
                if (plain && hold(cursor, token, slot)) {
                    continue;
                }
                plain = false;
                if (values == null || kinds == null) {
                    values = new String[SLOTS];
                    kinds = new ValueKind[SLOTS];
                }
                cursor.readSlot(token, slot, values, kinds);
            } else {
                if (unknown == null) {
                    unknown = new HashSet<>();
                }
                violations = add(violations, unknown.add(name) ? unknownField(name, line, record)
                        : duplicate(cursor, name, line, record));
                cursor.skipValue(cursor.nextToken());
            }
        }
        if (plain && unknown == null) {
            // Every value held as text: handed over as such, built only if asked for.
            return HELD;
        }
        return build(values, kinds, violations, line, record);
    }

    @Override
    public HeldValues held() {
        return held;
    }

    @Override
    public RawRecord buildHeld() {
        return build(null, null, List.of(), held.line(), held.record());
    }

    /** Builds a record: the values built so far, if any, and those held. */
    private RawRecord build(@Nullable String @Nullable [] built, @Nullable ValueKind @Nullable [] builtKinds,
            List<Violation> violations, long line, long record) {
        @Nullable String[] values = built;
        @Nullable ValueKind[] kinds = builtKinds;
        if (values == null || kinds == null) {
            values = new String[SLOTS];
            kinds = new ValueKind[SLOTS];
        }
        for (int slot = 0; slot < SLOTS; slot++) {
            if (held.has(slot)) {
                values[slot] = held.string(slot);
                kinds[slot] = heldKinds[slot];
            }
        }
        return RawRecord.of(line, record, values, kinds, violations, null);
    }

    /**
     * Holds a value aside while the row is held so far, when it is text: a string, or a number of a kind its slot
     * takes; {@code null} is an absent value and passes. A string past {@code maxStringLength} is not held: the
     * building path reports it.
     */
    private boolean hold(JsonCursor cursor, JsonToken token, int slot) {
        ValueKind kind;
        switch (token) {
            case VALUE_STRING -> kind = ValueKind.STRING;
            case VALUE_NUMBER_INT -> kind = ValueKind.INTEGER;
            case VALUE_NUMBER_FLOAT -> kind = ValueKind.DECIMAL;
            case VALUE_NULL -> {
                return true;
            }
            default -> {
                return false;
            }
        }
        // The url and the date are strings; transactions an integer, as a number or a string.
        if ((kind != ValueKind.STRING && (slot == URL || slot == DATE))
                || (kind == ValueKind.DECIMAL && slot == TRANSACTIONS)) {
            return false;
        }
        int length = cursor.getStringLength();
        if (length > cursor.limits().maxStringLength()) {
            return false;
        }
        int offset = cursor.getStringOffset();
        held.hold(slot, cursor.getStringCharacters(), offset, offset + length, 0);
        heldKinds[slot] = kind;
        return true;
    }

    @SuppressWarnings("ReferenceEquality") // interned names, as in readObject
    private int slotOf(String name) {
        for (int slot = 0; slot < SLOTS; slot++) {
            if (names[slot] == name) {
                return slot;
            }
        }
        int slot = slotByText(name);
        if (slot >= 0) {
            names[slot] = name;
        }
        return slot;
    }

    private static int slotByText(String name) {
        switch (name) {
            case "url":
                return Field.URL.ordinal();
            case "date":
                return Field.DATE.ordinal();
            case "channel":
                return Field.CHANNEL.ordinal();
            case "device":
                return Field.DEVICE.ordinal();
            case "transactions":
                return Field.TRANSACTIONS.ordinal();
            case "revenue":
                return Field.REVENUE.ordinal();
            default:
                return -1;
        }
    }

    /** Adds a violation to the record's list, which is {@link List#of()} until the first. */
    private static List<Violation> add(List<Violation> violations, Violation violation) {
        List<Violation> list = violations.isEmpty() ? new ArrayList<>(2) : violations;
        list.add(violation);
        return list;
    }

    private static Violation duplicate(JsonCursor cursor, String name, long line, long record) {
        return JsonErrors.duplicateKey(cursor, line, record, name);
    }

    private static Violation unknownField(String name, long line, long record) {
        Optional<Field> similar = Field.byNameIgnoreCase(name);
        String message = similar.isPresent()
                ? "'" + name + "' is not a field of conversion rows: did you mean " + similar.get().fieldName()
                        + "? Keys are matched exactly; its value is ignored"
                : "'" + name + "' is not a field of conversion rows (" + KNOWN + "); its value is ignored";
        return Violation.of(ViolationCode.UNKNOWN_FIELD, line, record, name, null, message);
    }
}
