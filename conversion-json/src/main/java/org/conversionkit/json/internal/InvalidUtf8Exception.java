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

    InvalidUtf8Exception(String bytes, String message) {
        super(message);
        this.bytes = bytes;
    }

    /** Returns the bad bytes in hex. */
    String bytes() {
        return bytes;
    }
}
