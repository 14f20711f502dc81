package org.conversionkit.model;

/**
 * How warnings weigh in a report.
 */
public enum Strictness {
    /** Warnings are reported as warnings and leave their record and file valid. */
    STANDARD,
    /**
     * Every warning is reported as an error (severity {@code error}, counted in {@code errors}), so
     * that it makes its record and file invalid: the command line's {@code --strict}.
     */
    STRICT
}
