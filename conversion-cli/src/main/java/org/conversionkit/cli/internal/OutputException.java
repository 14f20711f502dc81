package org.conversionkit.cli.internal;

/** A report or result that could not be written to standard output: exit code 2, the reason on standard error. */
final class OutputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OutputException(String message) {
        super(message, null, false, false);
    }
}
