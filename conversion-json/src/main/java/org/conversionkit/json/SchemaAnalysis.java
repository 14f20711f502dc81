package org.conversionkit.json;

import java.util.List;
import java.util.Objects;
import org.conversionkit.model.Severity;

/**
 * What {@link SchemaInference#analyze(java.nio.file.Path)} found in a feed: the schema it predicts,
 * everything the schema cannot take as it is, and how many rows it read.
 *
 * @param schema   the predicted table: from BigQuery's sample window, or, checked against an existing
 *                 table, that table's columns followed by the feed's new fields; in first-seen order
 * @param findings the findings, in the order they were found (file-level ones first)
 * @param rows     the rows read, those that are not objects included
 */
public record SchemaAnalysis(List<SchemaField> schema, List<SchemaFinding> findings, long rows) {

    /**
     * Checks the arguments and copies the lists.
     *
     * @param schema   the predicted table
     * @param findings the findings
     * @param rows     the rows read
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public SchemaAnalysis {
        schema = List.copyOf(schema);
        findings = List.copyOf(findings);
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be 0 or more, was " + rows);
        }
    }

    /**
     * Returns the number of findings that are errors.
     *
     * @return the errors
     */
    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    /**
     * Returns the number of findings that are warnings.
     *
     * @return the warnings
     */
    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    /**
     * Returns whether no finding is an error: a load of the feed with {@link #schema()} takes every row
     * (warnings allowed, unless inference was strict, which makes every finding an error).
     *
     * @return {@code true} when there is no error
     */
    public boolean valid() {
        return errors() == 0;
    }

    /**
     * Returns the findings of one kind.
     *
     * @param kind the kind
     * @return those findings, in order
     */
    public List<SchemaFinding> findings(SchemaFinding.Kind kind) {
        Objects.requireNonNull(kind, "kind");
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }
}
