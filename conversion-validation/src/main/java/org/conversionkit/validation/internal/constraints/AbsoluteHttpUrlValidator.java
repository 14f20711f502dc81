package org.conversionkit.validation.internal.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.rules.Problem;
import org.conversionkit.model.rules.UrlRule;
import org.conversionkit.validation.constraints.AbsoluteHttpUrl;
import org.jspecify.annotations.Nullable;

/** Checks {@link AbsoluteHttpUrl} with {@link UrlRule}. */
public final class AbsoluteHttpUrlValidator implements ConstraintValidator<AbsoluteHttpUrl, CharSequence> {

    private boolean schemeOptional;

    /** Creates the validator; the Bean Validation provider does. */
    public AbsoluteHttpUrlValidator() {
    }

    @Override
    public void initialize(AbsoluteHttpUrl constraint) {
        schemeOptional = constraint.scheme() == AbsoluteHttpUrl.Scheme.OPTIONAL;
    }

    @Override
    public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String text = value.toString();
        if (text.isBlank()) {
            return Reasons.reject(context, ViolationCode.FIELD_MISSING,
                    Reasons.blank("a URL", "https://domain.tld/path"));
        }
        Problem problem = UrlRule.check(text);
        return problem == null || (schemeOptional && problem.code() == ViolationCode.URL_NO_SCHEME)
                || Reasons.reject(context, problem);
    }
}
