package org.conversionkit.model;

import java.util.ArrayList;
import java.util.List;

/** Builds raw records from fixture cells: {@code ~} absent, {@code KIND:text} a value of a {@link ValueKind}. */
final class RecordCells {

    private RecordCells() {
    }

    static RawRecord record(long line, long record, String... cells) {
        String[] values = new String[cells.length];
        ValueKind[] kinds = new ValueKind[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            if (cell.equals("~")) {
                continue;
            }
            int colon = cell.indexOf(':');
            kinds[i] = switch (cell.substring(0, colon)) {
                case "S" -> ValueKind.STRING;
                case "I" -> ValueKind.INTEGER;
                case "D" -> ValueKind.DECIMAL;
                case "B" -> ValueKind.BOOLEAN;
                case "O" -> ValueKind.OBJECT;
                case "A" -> ValueKind.ARRAY;
                default -> throw new IllegalArgumentException("unknown kind in " + cell);
            };
            values[i] = cell.substring(colon + 1);
        }
        return RawRecord.of(line, record, values, kinds, List.of(), null);
    }

    /** Returns violations as {@code CODE@field} items, in order. */
    static List<String> codes(List<Violation> violations) {
        List<String> codes = new ArrayList<>();
        for (Violation violation : violations) {
            codes.add(violation.code() + "@" + violation.field());
        }
        return codes;
    }

    static String cell(Object value) {
        return value == null ? "~" : value.toString();
    }
}
