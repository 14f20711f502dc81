package org.conversionkit.json.internal;

import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.rules.Problem;

/**
 * Ends reading at a breached limit or a syntax error found by our own checks: thrown by the
 * record source and its handlers, caught by the record source, which turns it into the rejected
 * record. Carries no stack trace.
 */
final class StopReading extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ViolationCode code;
    private final String text;

    StopReading(ViolationCode code, String message) {
        super(message, null, false, false);
        this.code = code;
        this.text = message;
    }

    static StopReading limit(String message) {
        return new StopReading(ViolationCode.RECORD_TOO_LARGE, message);
    }

    ViolationCode code() {
        return code;
    }

    Problem problem() {
        return new Problem(code, text);
    }
}
