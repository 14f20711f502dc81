package org.conversionkit.json.internal;

import java.io.IOException;

/**
 * Thrown by the input, through the parser, at bytes that are not well-formed UTF-8; the record
 * source turns it into an {@code ENCODING} violation of the record that holds them.
 */
final class InvalidUtf8Exception extends IOException {

    private static final long serialVersionUID = 1L;

    /** The bad bytes in hex, e.g. {@code ED A0}. */
    private final String bytes;
    /** Whether the bad bytes follow a carriage return that the parser has not counted as a line end yet. */
    private final boolean afterCarriageReturn;

    InvalidUtf8Exception(String bytes, String message, boolean afterCarriageReturn) {
        super(message);
        this.bytes = bytes;
        this.afterCarriageReturn = afterCarriageReturn;
    }

    /**
     * Returns whether the bad bytes come right after a carriage return: jackson-core counts a line that ends with
     * CR only once it has seen the byte after it (to tell CR LF from CR alone), so at these bytes its location is
     * still on the line before, and the bad bytes are at column 1 of the next.
     */
    boolean afterCarriageReturn() {
        return afterCarriageReturn;
    }

    /** Returns the bad bytes in hex. */
    String bytes() {
        return bytes;
    }
}
