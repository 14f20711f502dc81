package org.conversionkit.validation.internal.constraints;

import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ValidationException;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.rules.Problem;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Hands a rule's explanation to the message of a constraint violation, as the message parameters
 * {@code reason} and {@code code}: parameters are substituted after the template is interpreted, so
 * text from the data (which may hold {@code {...}} or {@code ${...}}) comes out literally.
 */
final class Reasons {

    private Reasons() {
    }

    /**
     * Rejects a value because of a rule's problem.
     *
     * @param context the validator context
     * @param problem what the rule found
     * @return {@code false}, for {@code return reject(...)}
     */
    static boolean reject(ConstraintValidatorContext context, Problem problem) {
        return reject(context, problem.code(), problem.message());
    }

    /**
     * Rejects a value for a reason.
     *
     * @param context the validator context
     * @param code    the violation code the streaming validator would report
     * @param reason  what is wrong and how to fix it
     * @return {@code false}
     */
    static boolean reject(ConstraintValidatorContext context, ViolationCode code, String reason) {
        HibernateConstraintValidatorContext hibernate;
        try {
            hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
        } catch (ValidationException e) {
            // Another provider: the default message stands, without the parameters only Hibernate
            // Validator can carry safely.
            return false;
        }
        hibernate.addMessageParameter("reason", reason).addMessageParameter("code", code.name());
        return false;
    }
}
