package org.conversionkit.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The order of the fields in a headerless CSV file: which field each column holds, or that a
 * column is skipped.
 *
 * <p>The default is {@code url,date,channel,transactions,revenue}, the order of the source
 * document's example. A layout must hold {@code url} and {@code date}, and no field twice.
 * Instances are immutable.
 */
public final class ColumnLayout {

    /** The spelling of a skipped column in {@link #parse(String)}. */
    public static final String SKIP = "-";

    /** {@code url,date,channel,transactions,revenue}. */
    public static final ColumnLayout DEFAULT =
            of(Field.URL, Field.DATE, Field.CHANNEL, Field.TRANSACTIONS, Field.REVENUE);

    private final @Nullable Field[] columns;
    private final int[] indexByField;

    private ColumnLayout(@Nullable Field[] columns) {
        this.columns = columns;
        this.indexByField = new int[Field.values().length];
        Arrays.fill(indexByField, -1);
        for (int i = 0; i < columns.length; i++) {
            Field field = columns[i];
            if (field == null) {
                continue;
            }
            if (indexByField[field.ordinal()] >= 0) {
                throw new IllegalArgumentException("column layout names the field '" + field.fieldName()
                        + "' twice (columns " + (indexByField[field.ordinal()] + 1) + " and " + (i + 1) + ")");
            }
            indexByField[field.ordinal()] = i;
        }
        for (Field field : Field.values()) {
            if (field.isRequired() && indexByField[field.ordinal()] < 0) {
                throw new IllegalArgumentException("column layout '" + spec(columns)
                        + "' has no '" + field.fieldName() + "' column, which every row needs");
            }
        }
    }

    /**
     * Creates a layout of the given fields, one column each, none skipped.
     *
     * @param columns the field of each column, in order
     * @return the layout
     * @throws IllegalArgumentException if a field appears twice or {@code url} or {@code date} is missing
     */
    public static ColumnLayout of(Field... columns) {
        Objects.requireNonNull(columns, "columns");
        Field[] copy = columns.clone();
        for (Field field : copy) {
            Objects.requireNonNull(field, "columns must not hold null; use parse(\"url,-,date\") to skip a column");
        }
        return new ColumnLayout(copy);
    }

    /**
     * Parses a layout such as {@code "url,date,-,channel"}: field names separated by commas, ignoring
     * case and white space, {@value #SKIP} for a column to skip.
     *
     * @param spec the layout
     * @return the layout
     * @throws IllegalArgumentException if a name is not a field, a field appears twice, or
     *                                  {@code url} or {@code date} is missing
     */
    public static ColumnLayout parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String[] names = spec.split(",", -1);
        @Nullable Field[] columns = new Field[names.length];
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            if (name.equals(SKIP)) {
                continue;
            }
            columns[i] = Field.byNameIgnoreCase(name).orElseThrow(() -> new IllegalArgumentException(
                    "column layout '" + spec + "': '" + name + "' is not a field; use url, date, channel, device,"
                            + " transactions, revenue, or " + SKIP + " to skip a column"));
        }
        return new ColumnLayout(columns);
    }

    /**
     * Returns the number of columns, skipped ones included: the field count every record must have.
     *
     * @return the number of columns
     */
    public int size() {
        return columns.length;
    }

    /**
     * Returns the field a column holds.
     *
     * @param column the 0-based column index
     * @return the field, or {@code null} when the column is skipped
     * @throws IndexOutOfBoundsException if there is no such column
     */
    public @Nullable Field field(int column) {
        return columns[column];
    }

    /**
     * Returns the column that holds a field.
     *
     * @param field the field
     * @return the 0-based column index, or -1 when the layout does not hold the field
     */
    public int indexOf(Field field) {
        return indexByField[field.ordinal()];
    }

    /**
     * Returns whether a column holds the field.
     *
     * @param field the field
     * @return {@code true} when the layout holds it
     */
    public boolean contains(Field field) {
        return indexOf(field) >= 0;
    }

    /**
     * Returns the layout in the form {@link #parse(String)} reads.
     *
     * @return e.g. {@code "url,date,-,channel"}
     */
    public String spec() {
        return spec(columns);
    }

    private static String spec(@Nullable Field[] columns) {
        StringJoiner joiner = new StringJoiner(",");
        for (Field field : columns) {
            joiner.add(field == null ? SKIP : field.fieldName());
        }
        return joiner.toString();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ColumnLayout layout && Arrays.equals(columns, layout.columns);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(columns);
    }

    @Override
    public String toString() {
        return spec();
    }
}
