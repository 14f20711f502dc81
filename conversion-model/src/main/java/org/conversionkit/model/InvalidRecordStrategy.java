package org.conversionkit.model;

/**
 * What a typed-record reader does with a record that has an error.
 *
 * <p>Warnings never stop a record; to see them, and every error, validate the file into a report.
 */
public enum InvalidRecordStrategy {
    /** Throw a {@link ConversionDataException} that says where and what. The default. */
    FAIL,
    /** Skip the record and go on; the reader counts the records it skipped. */
    SKIP
}
