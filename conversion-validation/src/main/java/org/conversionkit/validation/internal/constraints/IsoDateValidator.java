package org.conversionkit.validation.internal.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.rules.DateRule;
import org.conversionkit.model.rules.Problem;
import org.conversionkit.validation.constraints.IsoDate;
import org.jspecify.annotations.Nullable;

/** Checks {@link IsoDate} with {@link DateRule}. */
public final class IsoDateValidator implements ConstraintValidator<IsoDate, CharSequence> {

    /** Creates the validator; the Bean Validation provider does. */
    public IsoDateValidator() {
    }

    @Override
    public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String text = value.toString();
        if (text.isBlank()) {
            return Reasons.reject(context, ViolationCode.FIELD_MISSING, Reasons.blank("a date", "2020-09-22"));
        }
        Problem problem = DateRule.check(text);
        return problem == null || Reasons.reject(context, problem);
    }
}
