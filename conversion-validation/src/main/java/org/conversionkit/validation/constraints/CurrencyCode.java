package org.conversionkit.validation.constraints;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.conversionkit.validation.internal.constraints.CurrencyCodeValidator;

/**
 * The annotated text must be an ISO 4217 currency code: three upper-case letters known to
 * {@link java.util.Currency}, such as {@code USD} or {@code EUR}; {@code usd}, {@code US$} and
 * {@code XYZ} are not ({@code CURRENCY_CODE}). {@link #anyOf()} can narrow the codes accepted. The rule
 * is {@link org.conversionkit.model.rules.CurrencyRule}.
 *
 * <p>Applies to {@link CharSequence}. {@code null} is valid; an empty or blank text is not.
 */
// The validator is internal on purpose: opened to Hibernate Validator, not exported as an API.
@SuppressWarnings("exports")
@Documented
@Constraint(validatedBy = CurrencyCodeValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Repeatable(CurrencyCode.List.class)
public @interface CurrencyCode {

    /**
     * Returns the message template, by default the bundle key
     * {@code org.conversionkit.validation.constraints.CurrencyCode.message}; {@code {reason}} in it stands for
     * the rule's explanation and {@code {code}} for its violation code.
     *
     * @return the message template
     */
    String message() default "{org.conversionkit.validation.constraints.CurrencyCode.message}";

    /**
     * Returns the groups the constraint belongs to.
     *
     * @return the groups
     */
    Class<?>[] groups() default {};

    /**
     * Returns the payload the constraint carries.
     *
     * @return the payload
     */
    Class<? extends Payload>[] payload() default {};

    /**
     * Returns the only codes accepted, or none to accept every ISO 4217 code. Each must be an ISO 4217
     * code itself, else validation fails when the constraint is initialized.
     *
     * @return the codes accepted, empty for all
     */
    String[] anyOf() default {};

    /**
     * Holds several {@link CurrencyCode} constraints on one element, for example in different groups.
     */
    @Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
    @Retention(RUNTIME)
    @Documented
    @interface List {

        /**
         * Returns the constraints.
         *
         * @return the constraints
         */
        CurrencyCode[] value();
    }
}
