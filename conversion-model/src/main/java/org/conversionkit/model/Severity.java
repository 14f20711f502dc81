package org.conversionkit.model;

/**
 * How much a violation weighs: an error makes its record (or file) invalid, a warning does not,
 * unless the caller asks for strict checking.
 */
public enum Severity {
    /** Makes the record or file invalid. */
    ERROR("error"),
    /** Reported, but leaves the record or file valid unless checking is strict. */
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /**
     * Returns the lower-case name used in reports.
     *
     * @return {@code "error"} or {@code "warning"}
     */
    public String label() {
        return label;
    }
}
