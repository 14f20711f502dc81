package org.conversionkit.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a typed-record reader for a record it cannot deliver: where it is and what is wrong,
 * as fields as well as in the message.
 */
public class ConversionDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The violations of the record. */
    @SuppressWarnings("serial") // an unmodifiable list; serializing the exception is not supported
    private final List<Violation> violations;
    /** The index of the first error, whose location the exception reports. */
    private final int first;

    /**
     * Creates the exception for a record's violations.
     *
     * @param violations the record's violations; at least one is an error
     * @throws IllegalArgumentException if no violation is an error
     */
    public ConversionDataException(List<Violation> violations) {
        this(List.copyOf(violations), firstError(violations));
    }

    private ConversionDataException(List<Violation> violations, int first) {
        super(message(violations.get(first), violations.size()));
        this.violations = violations;
        this.first = first;
    }

    /**
     * Returns the 1-based line where the record starts, or 0 for a whole-file problem.
     *
     * @return the line
     */
    public long line() {
        return first().line();
    }

    /**
     * Returns the 1-based record number, or 0 for a whole-file problem.
     *
     * @return the record number
     */
    public long record() {
        return first().record();
    }

    /**
     * Returns the field of the first error.
     *
     * @return the field name, or {@code null} when the error concerns the whole record
     */
    public @Nullable String field() {
        return first().field();
    }

    /**
     * Returns the code of the first error.
     *
     * @return the code
     */
    public ViolationCode code() {
        return first().code();
    }

    /**
     * Returns every violation of the record, warnings included, in the order found.
     *
     * @return the violations
     */
    public List<Violation> violations() {
        return violations;
    }

    private static int firstError(List<Violation> violations) {
        for (int i = 0; i < violations.size(); i++) {
            if (violations.get(i).isError()) {
                return i;
            }
        }
        throw new IllegalArgumentException("no error among " + violations);
    }

    private Violation first() {
        return violations.get(first);
    }

    private static String message(Violation first, int count) {
        StringBuilder text = new StringBuilder();
        if (first.line() > 0) {
            text.append("line ").append(first.line()).append(", record ").append(first.record()).append(": ");
        }
        if (first.field() != null) {
            text.append(first.field()).append(": ");
        }
        text.append(first.code()).append(": ").append(first.message());
        if (count > 1) {
            text.append(" (and ").append(count - 1).append(" more)");
        }
        return text.toString();
    }
}
