package org.conversionkit.validation.internal.constraints;

import jakarta.validation.ConstraintValidatorContext;
import java.util.Set;
import java.util.TreeSet;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.rules.CurrencyRule;
import org.conversionkit.model.rules.Problem;
import org.conversionkit.validation.constraints.CurrencyCode;

/** Checks {@link CurrencyCode} with {@link CurrencyRule}. */
public final class CurrencyCodeValidator extends TextValidator<CurrencyCode> {

    private Set<String> accepted = Set.of();
    private String acceptedList = "";

    /** Creates the validator; the Bean Validation provider does. */
    public CurrencyCodeValidator() {
        super("a currency code", "USD");
    }

    /**
     * Reads the codes accepted.
     *
     * @param constraint the constraint
     * @throws IllegalArgumentException if {@link CurrencyCode#anyOf()} holds a text that is not an
     *                                  ISO 4217 code
     */
    @Override
    public void initialize(CurrencyCode constraint) {
        Set<String> codes = new TreeSet<>();
        for (String code : constraint.anyOf()) {
            Problem problem = code.isBlank() ? new Problem(ViolationCode.CURRENCY_CODE, "a blank code")
                    : CurrencyRule.check(code);
            if (problem != null) {
                throw new IllegalArgumentException("@CurrencyCode(anyOf) must list ISO 4217 codes only: "
                        + problem.message());
            }
            codes.add(code);
        }
        accepted = Set.copyOf(codes);
        acceptedList = String.join(", ", codes);
    }

    @Override
    boolean check(String text, ConstraintValidatorContext context) {
        Problem problem = CurrencyRule.check(text);
        if (problem != null) {
            return Reasons.reject(context, problem);
        }
        if (!accepted.isEmpty() && !accepted.contains(text)) {
            return Reasons.reject(context, ViolationCode.CURRENCY_CODE, "'" + text + "' is not one of the currencies"
                    + " accepted here: " + acceptedList);
        }
        return true;
    }
}
