package org.conversionkit.validation.internal.constraints;

import jakarta.validation.ConstraintValidatorContext;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.rules.Problem;
import org.conversionkit.model.rules.UrlRule;
import org.conversionkit.validation.constraints.AbsoluteHttpUrl;

/** Checks {@link AbsoluteHttpUrl} with {@link UrlRule}. */
public final class AbsoluteHttpUrlValidator extends TextValidator<AbsoluteHttpUrl> {

    private boolean schemeOptional;

    /** Creates the validator; the Bean Validation provider does. */
    public AbsoluteHttpUrlValidator() {
        super("a URL", "https://domain.tld/path");
    }

    @Override
    public void initialize(AbsoluteHttpUrl constraint) {
        schemeOptional = constraint.scheme() == AbsoluteHttpUrl.Scheme.OPTIONAL;
    }

    @Override
    boolean check(String text, ConstraintValidatorContext context) {
        Problem problem = UrlRule.check(text);
        return problem == null || (schemeOptional && problem.code() == ViolationCode.URL_NO_SCHEME)
                || Reasons.reject(context, problem);
    }
}
