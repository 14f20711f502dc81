package org.conversionkit.spec;

/** A case file that cannot be read, or a case that does not say what its reader asks: the message says where. */
public final class SpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, and where
     */
    public SpecException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what is wrong, and where
     * @param cause   the failure under it
     */
    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
