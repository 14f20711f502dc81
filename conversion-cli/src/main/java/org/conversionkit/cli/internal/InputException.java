package org.conversionkit.cli.internal;

/** A file that is missing or cannot be read: exit code 2 with the message. */
final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message, null, false, false);
    }
}
