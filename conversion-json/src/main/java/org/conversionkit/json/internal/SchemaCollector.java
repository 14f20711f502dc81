package org.conversionkit.json.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.conversionkit.json.BigQueryType;
import org.conversionkit.json.FieldMode;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.json.SchemaField;
import org.conversionkit.json.SchemaFinding.Kind;
import org.conversionkit.json.SchemaFinding;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.ValueKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Collects the schema of a feed while its rows stream by, as BigQuery's schema auto-detection would type
 * it, and finds what the schema cannot take: only the field tree and a few numbers per field are kept,
 * never a row. The rules are those of {@link org.conversionkit.json.SchemaInference}.
 *
 * <p>Each field is a {@link Node} in one of four states: collecting (its type is inferred from its
 * values), checking (its values are held to a column: of an existing table, or of the table BigQuery
 * creates from its sample window once the window is past), left out of the sample's table for being only
 * ever null or empty there (reported at its first value after the window), or ignored (left out after a
 * conflict, or first seen after the window: its values are skipped unread).
 *
 * <p>Kinds are bits: the string classes of {@link Literals} and four JSON kinds. A field keeps the
 * union of its values' kinds, mapped by the options (a quoted integer counts as text unless quoted values
 * are detected, and so on); a table of every union gives its type or says it is a conflict. Since a union
 * only grows, the row where it first becomes a conflict is the row BigQuery's detection fails on.
 */
public final class SchemaCollector implements ObjectHandler {

    // ---- kinds ----

    static final int STRING = Literals.STRING;
    static final int DATE = Literals.DATE;
    static final int TIME = Literals.TIME;
    static final int DATETIME = Literals.DATETIME;
    static final int TIMESTAMP = Literals.TIMESTAMP;
    static final int QUOTED_INTEGER = Literals.QUOTED_INTEGER;
    static final int QUOTED_FLOAT = Literals.QUOTED_FLOAT;
    static final int QUOTED_BOOLEAN = Literals.QUOTED_BOOLEAN;
    static final int INTEGER = 1 << 8;
    static final int FLOAT = 1 << 9;
    static final int BOOLEAN = 1 << 10;
    static final int RECORD = 1 << 11;
    /** Every string class: what a STRING column takes. */
    static final int STRINGS = STRING | DATE | TIME | DATETIME | TIMESTAMP | QUOTED_INTEGER | QUOTED_FLOAT
            | QUOTED_BOOLEAN;
    static final int ALL = STRINGS | INTEGER | FLOAT | BOOLEAN | RECORD;
    private static final int KIND_COUNT = 12;

    /** A union of kinds no column holds. */
    private static final byte CONFLICT = -1;
    /** The empty union: only nulls and empty arrays. */
    private static final byte NONE = -2;
    private static final BigQueryType[] TYPES = BigQueryType.values();
    /** The type of every union of kinds, by the union; {@link #CONFLICT} or {@link #NONE} else. */
    private static final byte[] RESOLVED = new byte[1 << KIND_COUNT];

    static {
        for (int union = 0; union < RESOLVED.length; union++) {
            RESOLVED[union] = resolve(union);
        }
    }

    /** Digits of a JSON integer that always fit in 64 bits, a sign included. */
    private static final int SAFE_INTEGER_LENGTH = 18;
    /**
     * The field BigQuery's detection gives a record that holds no field of its own, as bigquery-schema-generator
     * does.
     */
    public static final String PLACEHOLDER = "__unknown__";

    private static final @Nullable String[] NO_VALUES = new String[0];
    private static final @Nullable ValueKind[] NO_KINDS = new ValueKind[0];

    // ---- states ----

    private static final byte COLLECT = 0;
    private static final byte CHECK = 1;
    private static final byte NEW_AFTER_SAMPLE = 2;
    private static final byte IGNORE = 3;

    /**
     * What a collector is asked for.
     *
     * @param limits          the limits; {@link JsonLimits#maxSchemaFields()} bounds the names kept
     * @param quotedDetected  whether quoted integers, floats and booleans take those types, as BigQuery does
     * @param localTimestamp  whether date-times without a time zone are TIMESTAMP, as BigQuery does
     * @param datesAsDatetime whether dates are DATETIME (the SegmentStream table)
     * @param omitEmpty       whether fields only ever null or empty are left out rather than typed
     * @param flexibleNames   whether flexible column names are allowed
     * @param sampleRows      the rows BigQuery's detection reads; {@link Long#MAX_VALUE} for every row
     * @param table           the existing table the feed is checked against, or {@code null}
     */
    public record Settings(JsonLimits limits, boolean quotedDetected, boolean localTimestamp, boolean datesAsDatetime,
            boolean omitEmpty, boolean flexibleNames, long sampleRows, @Nullable List<SchemaField> table) {

        /**
         * Checks the arguments.
         *
         * @param limits          the limits
         * @param quotedDetected  whether quoted values are typed
         * @param localTimestamp  whether local date-times are TIMESTAMP
         * @param datesAsDatetime whether dates are DATETIME
         * @param omitEmpty       whether empty fields are left out
         * @param flexibleNames   whether flexible column names are allowed
         * @param sampleRows      the sample window, 1 or more
         * @param table           the existing table, or {@code null}
         */
        public Settings {
            Objects.requireNonNull(limits, "limits");
            if (sampleRows < 1) {
                throw new IllegalArgumentException("sampleRows must be 1 or more, was " + sampleRows);
            }
            table = table == null ? null : List.copyOf(table);
        }
    }

    private final Settings settings;
    private final int maxNames;
    private final int maxStringLength;
    /** The kind each raw kind counts as, by its bit's index. */
    private final int[] effective = new int[KIND_COUNT];
    private final Node root;
    private final List<SchemaFinding> findings = new ArrayList<>();
    private final boolean againstTable;
    private int names;
    private long objects;
    private long line;
    private long record;
    private boolean sampled;
    private @Nullable List<SchemaField> sampleSchema;

    /**
     * Creates a collector.
     *
     * @param settings what it is asked for
     */
    public SchemaCollector(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.maxNames = settings.limits().maxSchemaFields();
        this.maxStringLength = settings.limits().maxStringLength();
        for (int i = 0; i < KIND_COUNT; i++) {
            int kind = 1 << i;
            if (!settings.quotedDetected() && (kind == QUOTED_INTEGER || kind == QUOTED_FLOAT
                    || kind == QUOTED_BOOLEAN)) {
                kind = STRING;
            } else if (settings.localTimestamp() && kind == DATETIME) {
                kind = TIMESTAMP;
            } else if (settings.datesAsDatetime() && kind == DATE) {
                kind = DATETIME;
            }
            effective[i] = kind;
        }
        this.root = new Node(null, "", COLLECT, 0, 0);
        List<SchemaField> table = settings.table();
        this.againstTable = table != null;
        if (table != null) {
            root.state = CHECK;
            root.column = BigQueryType.RECORD;
            addColumns(root, table);
        }
    }

    /** Every row is read here; duplicate keys included, which are a finding rather than the end of the file. */
    @Override
    public boolean detectsDuplicates() {
        return true;
    }

    @Override
    public RawRecord readObject(JsonCursor cursor, long line, long record) {
        if (record > settings.sampleRows() && !sampled && !againstTable) {
            closeSample();
        }
        this.line = line;
        this.record = record;
        readFields(cursor, root);
        return RawRecord.of(line, record, NO_VALUES, NO_KINDS, List.of(), null);
    }

    // ---- reading ----

    private void readFields(JsonCursor cursor, Node parent) {
        long object = ++objects;
        String name;
        while ((name = cursor.nextName()) != null) {
            cursor.checkSize();
            Node node = child(parent, name);
            JsonToken token = cursor.nextToken();
            if (node.seenIn == object) {
                duplicate(node, name);
                cursor.skipValue(token);
                continue;
            }
            node.seenIn = object;
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            node.filledIn = object;
            switch (node.state) {
                case COLLECT -> collect(cursor, node, token);
                case CHECK -> check(cursor, node, token);
                case NEW_AFTER_SAMPLE -> {
                    report(node, Kind.BEYOND_SAMPLE, null, node.path() + " is not among the columns of the first "
                            + settings.sampleRows() + " rows, from which BigQuery's auto-detection creates the table"
                            + " (it was only ever null or empty there, and left out): the load fails at line " + line
                            + "; create the table first with the schema of every row (--sample-rows all)");
                    node.state = IGNORE;
                    cursor.skipValue(token);
                }
                default -> cursor.skipValue(token);
            }
        }
        if (parent.required != null) {
            for (Node required : parent.required) {
                if (required.filledIn != object) {
                    required.relaxed = true;
                    report(required, Kind.REQUIRED_MISSING, null, required.path() + " is REQUIRED in the table and"
                            + " the row at line " + line + " has no value for it: the load fails there; the printed"
                            + " schema makes it NULLABLE, which a load with"
                            + " --schema_update_option=ALLOW_FIELD_RELAXATION or bq update applies");
                }
            }
        }
    }

    /** Finds the field of a key, creating it (a spelling in another case is the same field) within the limit. */
    private Node child(Node parent, String name) {
        HashMap<String, Node> spellings = parent.spellings;
        if (spellings != null) {
            Node node = spellings.get(name);
            if (node != null) {
                return node;
            }
        } else {
            spellings = new HashMap<>();
            parent.spellings = spellings;
        }
        if (++names > maxNames) {
            throw StopReading.limit("the records hold more distinct field names than maxSchemaFields (" + maxNames
                    + ") allows (BigQuery allows 10,000 columns)");
        }
        String folded = name.toLowerCase(Locale.ROOT);
        Node node = parent.byFoldedName(folded);
        if (node == null) {
            node = newField(parent, name, folded);
        }
        spellings.put(name, node);
        return node;
    }

    private Node newField(Node parent, String name, String folded) {
        // A field the table has no column for: reported at once, since a table without it may refuse the row
        // whatever the value; checked against an existing table its type is still inferred, for the printed
        // schema, while past the sample window it is not.
        boolean unknown = parent.state == CHECK;
        Node node = new Node(parent, name, unknown && sampled ? IGNORE : COLLECT, line, record);
        parent.add(folded, node);
        String problem = ColumnNameRule.problem(name, settings.flexibleNames());
        if (problem != null) {
            report(node, Kind.INVALID_NAME, name, "'" + name + "' is not a BigQuery column name: " + problem
                    + "; a table cannot have this column, so a load of rows that hold it fails: rename the field");
        }
        if (unknown && sampled) {
            report(node, Kind.BEYOND_SAMPLE, null, node.path() + " first appears at line " + line + ", after the"
                    + " first " + settings.sampleRows() + " rows from which BigQuery's auto-detection creates the"
                    + " table: the table has no such column, so the load fails at line " + line
                    + " (with --ignore_unknown_values its values are dropped); create the table first with the schema"
                    + " of every row (--sample-rows all)");
        } else if (unknown) {
            report(node, Kind.UNKNOWN_COLUMN, null, "the table has no column " + node.path() + " (first at line "
                    + line + "): the load fails there, unless --ignore_unknown_values drops it or"
                    + " --schema_update_option=ALLOW_FIELD_ADDITION adds it, as the printed schema does");
        }
        return node;
    }

    private void duplicate(Node node, String name) {
        String first = node.name;
        report(node, Kind.DUPLICATE_NAME, name, "the row at line " + line + " names " + node.path() + " twice"
                + (first.equals(name) ? "" : " ('" + first + "' and '" + name + "': BigQuery column names ignore case)")
                + ": a row gives a column one value, so the row does not load");
    }

    // ---- collecting ----

    private void collect(JsonCursor cursor, Node node, JsonToken token) {
        switch (token) {
            case START_ARRAY -> collectArray(cursor, node);
            case START_OBJECT -> {
                if (single(node, RECORD, cursor, token) && merge(node, RECORD, 0, cursor, token)) {
                    readFields(cursor, node);
                } else {
                    cursor.skipValue(token);
                }
            }
            case VALUE_STRING -> {
                if (single(node, STRING, cursor, token) && (node.kinds & STRING) == 0) {
                    // Plain text settles a field as STRING: later strings need not even be read.
                    merge(node, classify(cursor), 0, cursor, token);
                }
            }
            default -> {
                int kind = scalarKind(cursor, token);
                if (single(node, effective(kind), cursor, token)) {
                    merge(node, kind, 0, cursor, token);
                }
            }
        }
    }

    private void collectArray(JsonCursor cursor, Node node) {
        if (!many(node, cursor)) {
            cursor.skipValue(JsonToken.START_ARRAY);
            return;
        }
        int elements = 0;
        JsonToken token;
        while ((token = cursor.nextToken()) != JsonToken.END_ARRAY && token != null) {
            cursor.checkSize();
            if (node.state != COLLECT) {
                cursor.skipValue(token);
                continue;
            }
            switch (token) {
                case VALUE_NULL -> nullInArray(node);
                case START_ARRAY -> {
                    nestedArray(node, true);
                    cursor.skipValue(token);
                }
                case START_OBJECT -> {
                    elements |= RECORD;
                    if (merge(node, RECORD, elements, cursor, token)) {
                        readFields(cursor, node);
                    } else {
                        cursor.skipValue(token);
                    }
                }
                case VALUE_STRING -> {
                    if ((node.kinds & STRING) == 0) {
                        int kind = classify(cursor);
                        elements |= effective(kind);
                        merge(node, kind, elements, cursor, token);
                    }
                }
                default -> {
                    int kind = scalarKind(cursor, token);
                    elements |= effective(kind);
                    merge(node, kind, elements, cursor, token);
                }
            }
        }
    }

    /** A single value (not an array) of a field: false when the field is dropped for it. */
    private boolean single(Node node, int kind, JsonCursor cursor, JsonToken token) {
        if (node.single) {
            return true;
        }
        node.single = true;
        if (!node.array) {
            node.shapeLine = line;
            return true;
        }
        return shapes(node, kind, "a single value", cursor, token);
    }

    /** An array of a field: false when the field is dropped for it. */
    private boolean many(Node node, JsonCursor cursor) {
        if (node.array) {
            return true;
        }
        node.array = true;
        if (!node.single) {
            node.shapeLine = line;
            return true;
        }
        return shapes(node, 0, "an array", cursor, JsonToken.START_ARRAY);
    }

    /** A field now both a single value and an array: a REPEATED RECORD for objects, else a conflict. */
    private boolean shapes(Node node, int kind, String now, JsonCursor cursor, JsonToken token) {
        boolean nowArray = token == JsonToken.START_ARRAY;
        if (((node.kinds | kind) & ~RECORD) == 0) {
            report(node, Kind.RECORD_MADE_REPEATED, null, node.path() + " is " + (nowArray ? "an array of objects"
                    : "a single object") + " at line " + line + " and " + (nowArray ? "a single object"
                    : "an array of objects") + " in earlier rows (from line " + node.shapeLine + "): the schema makes"
                    + " it a REPEATED RECORD, which BigQuery's loader accepts a single object for (as"
                    + " bigquery-schema-generator models it); write an array in every row to be sure");
            return true;
        }
        drop(node, Kind.MODE_CONFLICT, text(cursor, token), node.path() + " is " + now + " at line " + line + " and "
                + (nowArray ? "a single value" : "an array") + " in earlier rows (from line " + node.shapeLine
                + "): a BigQuery column is REPEATED or not, so a load fails on the rows of one shape; the schema"
                + " leaves " + node.path() + " out; write it the same way in every row");
        return false;
    }

    /**
     * Adds a value's kind to its field: false when the union becomes a conflict, and the field is dropped.
     *
     * @param elements the union of the kinds of the current array's elements, or 0 outside an array
     */
    private boolean merge(Node node, int rawKind, int elements, JsonCursor cursor, JsonToken token) {
        if (node.firstLine == 0) {
            node.firstLine = line;
        }
        int kind = effective(rawKind);
        int before = node.kinds;
        int after = before | kind;
        if (after == before) {
            return true;
        }
        if (elements != 0 && RESOLVED[elements] == CONFLICT) {
            drop(node, Kind.MIXED_ARRAY, text(cursor, token), "the array " + node.path() + " at line " + line
                    + " holds " + describe(elements & ~kind) + " and " + describe(kind) + " elements: a BigQuery array"
                    + " holds one type, so the row does not load; the schema leaves " + node.path() + " out");
            return false;
        }
        node.kinds = after;
        if (RESOLVED[after] == CONFLICT) {
            drop(node, Kind.TYPE_CONFLICT, text(cursor, token), node.path() + " is " + typeName(before)
                    + " in earlier rows (from line " + node.firstLine + ") and " + describe(kind) + " at line " + line
                    + ": no BigQuery column holds both, so a load fails on the rows that do not fit; the schema"
                    + " leaves " + node.path() + " out; give it one type in every row");
            return false;
        }
        return true;
    }

    private void nullInArray(Node node) {
        report(node, Kind.NULL_IN_ARRAY, "null", "the array " + node.path() + " at line " + line + " holds null:"
                + " BigQuery refuses null array elements, so the row does not load; leave the nulls out");
    }

    /** An array inside an array: the field is dropped when its type is being inferred. */
    private void nestedArray(Node node, boolean inferred) {
        String message = node.path() + " holds an array inside an array at line " + line + ": BigQuery has no"
                + " arrays of arrays, so the row does not load" + (inferred ? "; the schema leaves " + node.path()
                + " out" : "") + "; wrap the inner arrays in objects, e.g. [{\"values\": [1, 2]}]";
        if (inferred) {
            drop(node, Kind.NESTED_ARRAY, "[…]", message);
        } else {
            report(node, Kind.NESTED_ARRAY, "[…]", message);
        }
    }

    private void drop(Node node, Kind kind, @Nullable String value, String message) {
        node.state = IGNORE;
        node.dropped = true;
        report(node, kind, value, message);
    }

    // ---- checking against a column ----

    private void check(JsonCursor cursor, Node node, JsonToken token) {
        if (token == JsonToken.START_ARRAY) {
            if (node.mode != FieldMode.REPEATED) {
                if (node.column != BigQueryType.JSON) {
                    mismatch(node, Kind.INCOMPATIBLE_MODE, "[…]", "an array", "is " + node.mode + " (a single value)");
                }
                cursor.skipValue(token);
                return;
            }
            JsonToken element;
            while ((element = cursor.nextToken()) != JsonToken.END_ARRAY && element != null) {
                cursor.checkSize();
                if (element == JsonToken.VALUE_NULL) {
                    nullInArray(node);
                } else if (element == JsonToken.START_ARRAY) {
                    nestedArray(node, false);
                    cursor.skipValue(element);
                } else {
                    checkValue(cursor, node, element);
                }
            }
            return;
        }
        if (node.mode == FieldMode.REPEATED) {
            if (token != JsonToken.START_OBJECT || node.column != BigQueryType.RECORD) {
                mismatch(node, Kind.INCOMPATIBLE_MODE, text(cursor, token), "a single value", "is REPEATED");
                cursor.skipValue(token);
                return;
            }
            report(node, Kind.RECORD_MADE_REPEATED, null, node.path() + " is a single object at line " + line
                    + " and the column is a REPEATED RECORD, which BigQuery's loader accepts a single object for (as"
                    + " bigquery-schema-generator models it); write an array in every row to be sure");
        }
        checkValue(cursor, node, token);
    }

    private void checkValue(JsonCursor cursor, Node node, JsonToken token) {
        int kind;
        switch (token) {
            case START_OBJECT -> {
                if (node.column == BigQueryType.RECORD) {
                    readFields(cursor, node);
                    return;
                }
                kind = RECORD;
            }
            case VALUE_STRING -> {
                if ((node.accepts & STRINGS) == STRINGS || node.reported(Kind.INCOMPATIBLE_TYPE)
                        || node.reported(Kind.BEYOND_SAMPLE)) {
                    return;
                }
                kind = classify(cursor);
            }
            default -> kind = scalarKind(cursor, token);
        }
        if ((node.accepts & kind) == 0) {
            mismatch(node, Kind.INCOMPATIBLE_TYPE, text(cursor, token), describe(kind), "is " + node.column);
        }
        cursor.skipValue(token);
    }

    private void mismatch(Node node, Kind kind, @Nullable String value, String found, String column) {
        if (sampled) {
            report(node, Kind.BEYOND_SAMPLE, value, node.path() + " " + column + " in the first "
                    + settings.sampleRows()
                    + " rows, from which BigQuery's auto-detection creates the table, and line " + line + " holds "
                    + found + ": the load fails at line " + line + "; create the table first with the schema of"
                    + " every row (--sample-rows all), or fix the feed");
        } else {
            report(node, kind, value, node.path() + " " + column + " in the table and line " + line + " holds "
                    + found + ": the load fails at line " + line);
        }
    }

    // ---- values ----

    private int classify(JsonCursor cursor) {
        int length = cursor.getStringLength();
        if (length > maxStringLength) {
            throw StopReading.limit(JsonErrors.stringTooLong(settings.limits()));
        }
        return Literals.classify(cursor.getStringCharacters(), cursor.getStringOffset(), length);
    }

    private static int scalarKind(JsonCursor cursor, JsonToken token) {
        switch (token) {
            case VALUE_NUMBER_INT:
                // Only a long number can be beyond 64 bits: most need no parsing here.
                return cursor.getStringLength() <= SAFE_INTEGER_LENGTH
                        || cursor.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? INTEGER : FLOAT;
            case VALUE_NUMBER_FLOAT:
                return FLOAT;
            case VALUE_TRUE:
            case VALUE_FALSE:
                return BOOLEAN;
            default:
                throw new IllegalStateException("not a value: " + token);
        }
    }

    private int effective(int rawKind) {
        return effective[Integer.numberOfTrailingZeros(rawKind)];
    }

    private static @Nullable String text(JsonCursor cursor, JsonToken token) {
        switch (token) {
            case START_OBJECT:
                return "{…}";
            case START_ARRAY:
                return "[…]";
            default:
                return cursor.getString();
        }
    }

    // ---- findings ----

    private void report(Node node, Kind kind, @Nullable String value, String message) {
        if (node.reported(kind)) {
            return;
        }
        node.reported |= 1 << kind.ordinal();
        findings.add(SchemaFinding.of(kind, node.path(), line, record, value, message));
    }

    /**
     * Adds a finding about a row or the file, such as a row that is not an object.
     *
     * @param finding the finding
     */
    public void add(SchemaFinding finding) {
        findings.add(Objects.requireNonNull(finding, "finding"));
    }

    /**
     * Returns the findings so far, in line order.
     *
     * @return the findings
     */
    public List<SchemaFinding> findings() {
        List<SchemaFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingLong(SchemaFinding::line));
        return sorted;
    }

    // ---- results ----

    /**
     * Returns the schema: of the sample window when the feed is longer, else of every row; checked against a
     * table, the table's columns (a REQUIRED one relaxed where a row lacks it) and then the feed's new fields.
     * Adds the findings about fields no column could be typed from.
     *
     * @return the fields, in first-seen order
     */
    public List<SchemaField> result() {
        List<SchemaField> sample = sampleSchema;
        return sample != null ? sample : fieldsOf(root, false);
    }

    /** The sample window is past: its schema is the table, which every later row is checked against. */
    private void closeSample() {
        sampled = true;
        sampleSchema = fieldsOf(root, true);
        root.state = CHECK;
        root.column = BigQueryType.RECORD;
    }

    private List<SchemaField> fieldsOf(Node parent, boolean close) {
        List<Node> children = parent.order;
        if (children == null) {
            return List.of();
        }
        List<SchemaField> fields = new ArrayList<>(children.size());
        for (Node node : children) {
            SchemaField field = node.column != null && node.state == CHECK && !close ? columnOf(node)
                    : fieldOf(node, close);
            if (close) {
                if (field == null) {
                    node.state = node.dropped ? IGNORE : NEW_AFTER_SAMPLE;
                } else {
                    setColumn(node, field);
                }
            }
            if (field != null) {
                fields.add(field);
            }
        }
        return List.copyOf(fields);
    }

    /** A column of the table checked against, with the feed's new fields of a record after its own. */
    private SchemaField columnOf(Node node) {
        BigQueryType type = Objects.requireNonNull(node.column);
        FieldMode mode = node.mode == FieldMode.REQUIRED && node.relaxed ? FieldMode.NULLABLE : node.mode;
        return new SchemaField(node.name, type, mode, type == BigQueryType.RECORD ? fieldsOf(node, false) : List.of());
    }

    /** The inferred field, or {@code null} when it is left out. */
    private @Nullable SchemaField fieldOf(Node node, boolean close) {
        if (node.dropped) {
            return null;
        }
        FieldMode mode = node.array ? FieldMode.REPEATED : FieldMode.NULLABLE;
        int kinds = node.kinds;
        if (kinds == 0) {
            if (settings.omitEmpty()) {
                emptyField(node, node.path() + " is only ever null or [] (first at line " + node.firstSeenLine
                        + "): the schema leaves it out (--empty-fields omit); a table without it may refuse rows"
                        + " that name it");
                return null;
            }
            return SchemaField.of(node.name, BigQueryType.STRING, mode);
        }
        BigQueryType type = TYPES[RESOLVED[kinds]];
        if (type != BigQueryType.RECORD) {
            return SchemaField.of(node.name, type, mode);
        }
        List<SchemaField> fields = fieldsOf(node, close);
        if (fields.isEmpty()) {
            String why = node.order == null ? "is only ever an empty object" : "has no field BigQuery can type";
            if (settings.omitEmpty()) {
                emptyField(node, node.path() + " " + why + " (first at line " + node.firstSeenLine + "): BigQuery"
                        + " cannot create a RECORD without fields; the schema leaves it out (--empty-fields omit)");
                return null;
            }
            emptyField(node, node.path() + " " + why + " (first at line " + node.firstSeenLine + "): BigQuery"
                    + " cannot create a RECORD without fields; the schema gives it one placeholder, " + PLACEHOLDER
                    + " STRING, as bigquery-schema-generator does, so that the rows load; give it a real field");
            fields = List.of(SchemaField.of(PLACEHOLDER, BigQueryType.STRING, FieldMode.NULLABLE));
        }
        return new SchemaField(node.name, BigQueryType.RECORD, mode, fields);
    }

    private void emptyField(Node node, String message) {
        if (!node.reported(Kind.EMPTY_FIELD)) {
            node.reported |= 1 << Kind.EMPTY_FIELD.ordinal();
            findings.add(SchemaFinding.of(Kind.EMPTY_FIELD, node.path(), node.firstSeenLine, node.firstSeenRecord,
                    null, message));
        }
    }

    // ---- columns ----

    private void addColumns(Node parent, List<SchemaField> columns) {
        for (SchemaField column : columns) {
            String folded = column.name().toLowerCase(Locale.ROOT);
            if (parent.byFoldedName(folded) != null) {
                throw new IllegalArgumentException("the table names " + column.name()
                        + " twice (column names ignore case)");
            }
            if (++names > maxNames) {
                throw new IllegalArgumentException("the table has more columns than maxSchemaFields (" + maxNames
                        + ") allows");
            }
            Node node = new Node(parent, column.name(), CHECK, 0, 0);
            parent.add(folded, node);
            setColumn(node, column);
            if (column.type() == BigQueryType.RECORD) {
                addColumns(node, column.fields());
            }
        }
    }

    private static void setColumn(Node node, SchemaField column) {
        node.state = CHECK;
        node.column = column.type();
        node.mode = column.mode();
        node.accepts = accepts(column.type());
        if (column.mode() == FieldMode.REQUIRED && node.parent != null) {
            Node parent = node.parent;
            List<Node> required = new ArrayList<>();
            if (parent.required != null) {
                required.addAll(List.of(parent.required));
            }
            required.add(node);
            parent.required = required.toArray(Node[]::new);
        }
    }

    /** The kinds of value a column of a type takes in a JSON load. */
    static int accepts(BigQueryType type) {
        switch (type) {
            case INTEGER:
                return INTEGER | QUOTED_INTEGER;
            case FLOAT:
            case NUMERIC:
            case BIGNUMERIC:
                return INTEGER | FLOAT | QUOTED_INTEGER | QUOTED_FLOAT;
            case BOOLEAN:
                return BOOLEAN | QUOTED_BOOLEAN;
            case DATE:
                return DATE;
            case DATETIME:
                return DATE | DATETIME;
            case TIMESTAMP:
                return DATE | DATETIME | TIMESTAMP;
            case TIME:
                return TIME;
            case RECORD:
                return RECORD;
            case JSON:
                return ALL;
            default:
                // STRING, BYTES, GEOGRAPHY, INTERVAL: text.
                return STRINGS;
        }
    }

    // ---- the table of unions ----

    private static byte resolve(int union) {
        if (union == 0) {
            return NONE;
        }
        if (Integer.bitCount(union) == 1) {
            return (byte) typeOf(union).ordinal();
        }
        if ((union & ~(INTEGER | QUOTED_INTEGER)) == 0) {
            return (byte) BigQueryType.INTEGER.ordinal();
        }
        if ((union & ~(INTEGER | FLOAT | QUOTED_INTEGER | QUOTED_FLOAT)) == 0) {
            return (byte) BigQueryType.FLOAT.ordinal();
        }
        if ((union & ~(BOOLEAN | QUOTED_BOOLEAN)) == 0) {
            return (byte) BigQueryType.BOOLEAN.ordinal();
        }
        if ((union & ~STRINGS) == 0) {
            return (byte) BigQueryType.STRING.ordinal();
        }
        return CONFLICT;
    }

    private static BigQueryType typeOf(int kind) {
        switch (kind) {
            case DATE:
                return BigQueryType.DATE;
            case TIME:
                return BigQueryType.TIME;
            case DATETIME:
                return BigQueryType.DATETIME;
            case TIMESTAMP:
                return BigQueryType.TIMESTAMP;
            case QUOTED_INTEGER:
            case INTEGER:
                return BigQueryType.INTEGER;
            case QUOTED_FLOAT:
            case FLOAT:
                return BigQueryType.FLOAT;
            case QUOTED_BOOLEAN:
            case BOOLEAN:
                return BigQueryType.BOOLEAN;
            case RECORD:
                return BigQueryType.RECORD;
            default:
                return BigQueryType.STRING;
        }
    }

    private static String typeName(int union) {
        byte type = RESOLVED[union];
        return type < 0 ? "of mixed types" : TYPES[type].name();
    }

    /** Names a kind, or the kinds of a union, for a message. */
    private static String describe(int kinds) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < KIND_COUNT; i++) {
            int kind = 1 << i;
            if ((kinds & kind) != 0) {
                if (text.length() > 0) {
                    text.append(" and ");
                }
                text.append(describeOne(kind));
            }
        }
        return text.toString();
    }

    private static String describeOne(int kind) {
        switch (kind) {
            case DATE:
                return "a date (DATE)";
            case TIME:
                return "a time (TIME)";
            case DATETIME:
                return "a date-time without time zone (DATETIME)";
            case TIMESTAMP:
                return "a date-time with time zone (TIMESTAMP)";
            case QUOTED_INTEGER:
                return "a quoted integer";
            case QUOTED_FLOAT:
                return "a quoted number";
            case QUOTED_BOOLEAN:
                return "a quoted boolean";
            case INTEGER:
                return "an integer (INTEGER)";
            case FLOAT:
                return "a number (FLOAT)";
            case BOOLEAN:
                return "a boolean (BOOLEAN)";
            case RECORD:
                return "an object (RECORD)";
            default:
                return "text (STRING)";
        }
    }

    /** What is known of one field: a few numbers and its children, never a value. */
    private static final class Node {

        final @Nullable Node parent;
        /** The name as first seen (or as the table spells it). */
        final String name;
        final long firstSeenLine;
        final long firstSeenRecord;
        byte state;
        /** The union of the (mapped) kinds of its values. */
        int kinds;
        /** Whether a single value (not an array) was seen. */
        boolean single;
        /** Whether an array was seen. */
        boolean array;
        /** Whether it is left out of the schema after a conflict. */
        boolean dropped;
        /** The line of its first value that is not null. */
        long firstLine;
        /** The line where its first shape (single value or array) was seen. */
        long shapeLine;
        /** The column it is checked against: its type, mode and the kinds it takes. */
        @Nullable BigQueryType column;
        FieldMode mode = FieldMode.NULLABLE;
        int accepts;
        /** Whether a row lacked it where the table says REQUIRED. */
        boolean relaxed;
        /** The children the table says are REQUIRED. */
        Node @Nullable [] required;
        /** The object it last appeared in, and last had a value in: a number per object read. */
        long seenIn;
        long filledIn;
        /** The kinds of finding already reported, as bits by ordinal. */
        int reported;
        /** Its children by every spelling seen, by the name in lower case, and in first-seen order. */
        @Nullable HashMap<String, Node> spellings;
        @Nullable HashMap<String, Node> folded;
        @Nullable List<Node> order;
        private @Nullable String path;

        Node(@Nullable Node parent, String name, byte state, long line, long record) {
            this.parent = parent;
            this.name = name;
            this.state = state;
            this.firstSeenLine = line;
            this.firstSeenRecord = record;
        }

        @Nullable Node byFoldedName(String folded) {
            HashMap<String, Node> map = this.folded;
            return map == null ? null : map.get(folded);
        }

        void add(String foldedName, Node child) {
            if (folded == null) {
                folded = new HashMap<>();
                order = new ArrayList<>();
            }
            Objects.requireNonNull(folded).put(foldedName, child);
            Objects.requireNonNull(order).add(child);
        }

        boolean reported(Kind kind) {
            return (reported & 1 << kind.ordinal()) != 0;
        }

        /** The path from the row, names joined by dots. */
        String path() {
            String p = path;
            if (p == null) {
                p = parent == null || parent.parent == null ? name : parent.path() + "." + name;
                path = p;
            }
            return p;
        }
    }
}
