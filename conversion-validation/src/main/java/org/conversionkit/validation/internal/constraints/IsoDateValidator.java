package org.conversionkit.validation.internal.constraints;

import jakarta.validation.ConstraintValidatorContext;
import org.conversionkit.model.rules.DateRule;
import org.conversionkit.model.rules.Problem;
import org.conversionkit.validation.constraints.IsoDate;

/** Checks {@link IsoDate} with {@link DateRule}. */
public final class IsoDateValidator extends TextValidator<IsoDate> {

    /** Creates the validator; the Bean Validation provider does. */
    public IsoDateValidator() {
        super("a date", "2020-09-22");
    }

    @Override
    boolean check(String text, ConstraintValidatorContext context) {
        Problem problem = DateRule.check(text);
        return problem == null || Reasons.reject(context, problem);
    }
}
