package org.conversionkit.validation.internal.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * What every constraint of this library does before its rule: {@code null} is valid (Bean Validation's
 * convention; {@code @NotNull} is the caller's), and a blank text is {@link ViolationCode#FIELD_MISSING},
 * as the streaming validator reports it, with the same kind of hint.
 *
 * @param <A> the constraint
 */
abstract class TextValidator<A extends Annotation> implements ConstraintValidator<A, CharSequence> {

    private final String what;
    private final String example;

    /**
     * Creates the validator.
     *
     * @param what    what the text should be, e.g. {@code "a date"}, for the hint on a blank text
     * @param example an example of a valid value
     */
    TextValidator(String what, String example) {
        this.what = what;
        this.example = example;
    }

    @Override
    public final boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String text = value.toString();
        if (text.isBlank()) {
            return Reasons.reject(context, ViolationCode.FIELD_MISSING,
                    "a blank text is not " + what + ": write one, e.g. " + example);
        }
        return check(text, context);
    }

    /**
     * Checks a text that is not blank.
     *
     * @param text    the text
     * @param context the validator context, to reject with through {@link Reasons}
     * @return whether the text is valid
     */
    abstract boolean check(String text, ConstraintValidatorContext context);
}
