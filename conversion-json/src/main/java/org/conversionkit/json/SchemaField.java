package org.conversionkit.json;

import java.util.List;
import java.util.Objects;

/**
 * One column of a BigQuery schema: inferred from a feed, or read from a table's schema.
 *
 * @param name   the field's name as first written in the feed (or as the table spells it)
 * @param type   the column type
 * @param mode   {@link FieldMode#REPEATED} for arrays, else {@link FieldMode#NULLABLE}; a table's column may
 *               also be {@link FieldMode#REQUIRED}
 * @param fields the fields of a {@link BigQueryType#RECORD}, in first-seen order; empty for other types
 */
public record SchemaField(String name, BigQueryType type, FieldMode mode, List<SchemaField> fields) {

    /**
     * Checks the arguments and copies the fields.
     *
     * @param name the field's name
     * @param type the column type
     * @param mode the mode
     * @param fields the fields of a {@link BigQueryType#RECORD}, in first-seen order; empty for other types
     * @throws IllegalArgumentException if a record has no fields or another type has some
     */
    public SchemaField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mode, "mode");
        fields = List.copyOf(fields);
        if (type == BigQueryType.RECORD && fields.isEmpty()) {
            throw new IllegalArgumentException("a RECORD needs at least one field: " + name);
        }
        if (type != BigQueryType.RECORD && !fields.isEmpty()) {
            throw new IllegalArgumentException("only a RECORD has fields: " + name);
        }
    }

    /**
     * Creates a field without nested fields.
     *
     * @param name the field's name
     * @param type the column type; not {@link BigQueryType#RECORD}
     * @param mode the mode
     * @return the field
     */
    public static SchemaField of(String name, BigQueryType type, FieldMode mode) {
        return new SchemaField(name, type, mode, List.of());
    }
}
