package org.conversionkit.model.rules;

import java.util.Objects;
import org.conversionkit.model.ViolationCode;

/**
 * What a rule found wrong with one value: the code and a message that says how to fix it.
 *
 * <p>A rule returns {@code null} for a good value, so checking good values allocates nothing; the
 * caller turns a problem into a located {@link org.conversionkit.model.Violation}.
 *
 * @param code    what is wrong
 * @param message what is wrong and how to fix it
 */
public record Problem(ViolationCode code, String message) {

    /**
     * Checks the arguments.
     *
     * @param code what is wrong
     * @param message what is wrong and how to fix it
     */
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
