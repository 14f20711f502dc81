package org.conversionkit.csv.internal;

import java.io.IOException;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * An input that cannot be read on because of what it holds, not because of a disk: bytes that are not
 * UTF-8, a corrupt gzip stream, a file past its size limit. Thrown by the input layers as an
 * {@link IOException} so that it passes through the parser; the record source turns it into the violation
 * of the record in progress, which ends reading.
 */
public final class InputFailure extends IOException {

    private static final long serialVersionUID = 1L;

    /** The violation the failure becomes. */
    private final ViolationCode code;
    /** The rejected value (the bad bytes in hex), or {@code null}. */
    private final @Nullable String value;

    /**
     * Creates the failure.
     *
     * @param code    the violation it becomes
     * @param value   the rejected value, or {@code null} for none
     * @param message what is wrong and how to fix it
     */
    public InputFailure(ViolationCode code, @Nullable String value, String message) {
        super(message);
        this.code = code;
        this.value = value;
    }

    /**
     * Creates the failure for a cause the message explains.
     *
     * @param code    the violation it becomes
     * @param message what is wrong and how to fix it
     * @param cause   the exception that revealed it
     */
    public InputFailure(ViolationCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.value = null;
    }

    /**
     * Returns the violation code the failure becomes.
     *
     * @return the code
     */
    public ViolationCode code() {
        return code;
    }

    /**
     * Returns the rejected value.
     *
     * @return the value, or {@code null} for none
     */
    public @Nullable String value() {
        return value;
    }
}
