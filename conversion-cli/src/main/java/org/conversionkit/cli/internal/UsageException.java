package org.conversionkit.cli.internal;

import org.jspecify.annotations.Nullable;

/** A command line that cannot be run as given: exit code 2 with the message. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(@Nullable String message) {
        super(String.valueOf(message), null, false, false);
    }
}
