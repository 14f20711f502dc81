package org.conversionkit.json.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conversionkit.json.BigQueryType;
import org.conversionkit.json.FieldMode;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.json.SchemaField;
import org.conversionkit.model.CrmDateTime;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.ValueKind;
import org.conversionkit.model.rules.DateRule;
import org.conversionkit.model.rules.IsoDateTimeRule;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Collects the schema of a feed while its records stream by: for every field (nested ones
 * included) the set of kinds its values had and whether it was an array; only this is kept, never
 * a record. {@link #result()} resolves the kinds to BigQuery types by the rules of
 * {@link org.conversionkit.json.SchemaInference}.
 */
public final class SchemaCollector implements ObjectHandler {

    private static final int INTEGER = 1;
    private static final int FLOAT = 1 << 1;
    private static final int BOOLEAN = 1 << 2;
    private static final int STRING = 1 << 3;
    private static final int DATE = 1 << 4;
    private static final int DATETIME = 1 << 5;
    private static final int TIMESTAMP = 1 << 6;
    private static final int RECORD = 1 << 7;
    /** An array inside an array: BigQuery has no arrays of arrays, so the field becomes STRING. */
    private static final int NESTED_ARRAY = 1 << 8;

    private static final @Nullable String[] NO_VALUES = new String[0];
    private static final @Nullable ValueKind[] NO_KINDS = new ValueKind[0];

    private final Node root = new Node("");
    private final int maxFields;
    private int fields;

    /**
     * Creates a collector.
     *
     * @param limits the limits; {@link JsonLimits#maxSchemaFields()} bounds the fields collected
     */
    public SchemaCollector(JsonLimits limits) {
        this.maxFields = limits.maxSchemaFields();
    }

    @Override
    public RawRecord readObject(JsonRecordSource source, long line, long record) {
        readObject(source, root);
        return RawRecord.of(line, record, NO_VALUES, NO_KINDS, List.of(), null);
    }

    private void readObject(JsonRecordSource source, Node parent) {
        JsonParser parser = source.parser();
        String name;
        while ((name = parser.nextName()) != null) {
            source.checkSize();
            observe(source, child(parent, name), parser.nextToken(), false);
        }
    }

    private Node child(Node parent, String name) {
        Map<String, Node> children = parent.children();
        Node node = children.get(name);
        if (node == null) {
            if (++fields > maxFields) {
                throw StopReading.limit("the records hold more distinct fields than maxSchemaFields (" + maxFields
                        + ") allows (BigQuery allows 10,000 columns)");
            }
            node = new Node(name);
            children.put(name, node);
        }
        return node;
    }

    private void observe(JsonRecordSource source, Node node, JsonToken token, boolean inArray) {
        JsonParser parser = source.parser();
        switch (token) {
            case START_ARRAY:
                if (inArray) {
                    node.kinds |= NESTED_ARRAY;
                    source.skipValue(token);
                } else {
                    node.repeated = true;
                    JsonToken element;
                    while ((element = parser.nextToken()) != JsonToken.END_ARRAY && element != null) {
                        source.checkSize();
                        observe(source, node, element, true);
                    }
                }
                break;
            case START_OBJECT:
                node.kinds |= RECORD;
                readObject(source, node);
                break;
            case VALUE_TRUE:
            case VALUE_FALSE:
                node.kinds |= BOOLEAN;
                break;
            case VALUE_NUMBER_INT:
                node.kinds |= parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? FLOAT : INTEGER;
                break;
            case VALUE_NUMBER_FLOAT:
                node.kinds |= FLOAT;
                break;
            case VALUE_STRING:
                // Once STRING, always STRING: the text need not even be read.
                if ((node.kinds & STRING) == 0) {
                    node.kinds |= classify(parser.getString());
                }
                break;
            default:
                break;
        }
    }

    /** Classifies a string with the model's date rules: the one implementation of what a date is. */
    static int classify(String text) {
        int length = text.length();
        if (length < DateRule.LENGTH || !DateRule.hasIsoShape(text, 0, DateRule.LENGTH)) {
            return STRING;
        }
        if (length == DateRule.LENGTH) {
            return DateRule.check(text) == null ? DATE : STRING;
        }
        CrmDateTime dateTime = IsoDateTimeRule.parse("value", text, problem -> { });
        if (dateTime != null && dateTime.time() != null) {
            return dateTime.offset() != null ? TIMESTAMP : DATETIME;
        }
        return STRING;
    }

    /**
     * Returns the schema collected so far, fields in first-seen order.
     *
     * @return the fields
     */
    public List<SchemaField> result() {
        return fieldsOf(root);
    }

    private static List<SchemaField> fieldsOf(Node parent) {
        if (parent.children == null) {
            return List.of();
        }
        List<SchemaField> result = new ArrayList<>(parent.children.size());
        for (Node node : parent.children.values()) {
            BigQueryType type = typeOf(node);
            result.add(new SchemaField(node.name, type, node.repeated ? FieldMode.REPEATED : FieldMode.NULLABLE,
                    type == BigQueryType.RECORD ? fieldsOf(node) : List.of()));
        }
        return List.copyOf(result);
    }

    private static BigQueryType typeOf(Node node) {
        int kinds = node.kinds;
        switch (kinds) {
            case INTEGER:
                return BigQueryType.INTEGER;
            case FLOAT:
            case INTEGER | FLOAT:
                return BigQueryType.FLOAT;
            case BOOLEAN:
                return BigQueryType.BOOLEAN;
            case DATE:
                return BigQueryType.DATE;
            case DATETIME:
                return BigQueryType.DATETIME;
            case TIMESTAMP:
                return BigQueryType.TIMESTAMP;
            case RECORD:
                // BigQuery cannot create a RECORD without fields: objects that were always empty are STRING.
                return node.children == null || node.children.isEmpty() ? BigQueryType.STRING : BigQueryType.RECORD;
            default:
                // Only null or empty arrays (0), STRING, and every mix of kinds.
                return BigQueryType.STRING;
        }
    }

    /** What is known of one field. */
    private static final class Node {

        final String name;
        int kinds;
        boolean repeated;
        @Nullable LinkedHashMap<String, Node> children;

        Node(String name) {
            this.name = name;
        }

        Map<String, Node> children() {
            LinkedHashMap<String, Node> map = children;
            if (map == null) {
                map = new LinkedHashMap<>();
                children = map;
            }
            return map;
        }
    }
}
