package org.conversionkit.json.internal;

import java.io.IOException;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.internal.GzipMembers;
import org.conversionkit.model.rules.Problem;

/**
 * Thrown by the input, through the parser, when gzip data is corrupt or cut short: bad data, not a
 * failing disk, so the record source reports it as an {@code ENCODING} violation.
 */
final class CorruptGzipException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The message, which the exception's own accessor may not return as given. */
    private final String text;

    CorruptGzipException(GzipMembers.FormatException cause) {
        this(cause, "the gzip data is corrupt or truncated (" + cause.text() + "): what follows cannot be read");
    }

    private CorruptGzipException(IOException cause, String message) {
        super(message, cause);
        this.text = message;
    }

    /** Returns the violation the failure becomes. */
    Problem problem() {
        return new Problem(ViolationCode.ENCODING, text);
    }
}
