package org.conversionkit.files;

/**
 * The forms of a report, as {@code conversion-check --report} names them.
 */
public enum ReportFormat {
    /** For a person: per file its verdict and counts, then one line per listed violation. */
    TEXT,
    /**
     * For machines: one JSON document, stable (new keys may be added), described by the JSON Schema
     * {@value ReportWriter#JSON_SCHEMA_RESOURCE} in this module's jar and {@code docs/report.schema.json}.
     */
    JSON
}
