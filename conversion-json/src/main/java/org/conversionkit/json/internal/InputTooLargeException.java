package org.conversionkit.json.internal;

import java.io.IOException;

/** Thrown by the input, through the parser, when the input is longer than {@code maxFileBytes}. */
final class InputTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    InputTooLargeException(long limit) {
        super("the input is larger than maxFileBytes (" + limit + ")");
    }
}
