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
import org.conversionkit.validation.internal.constraints.IsoDateValidator;

/**
 * The annotated text must be a date written exactly {@code YYYY-MM-DD} (ISO 8601, ASCII digits) that
 * exists: {@code 2020-09-22} is valid; {@code 20200922}, {@code 22-09-2020}, {@code 2020-9-22} and a
 * time part are not ({@code DATE_FORMAT}), nor {@code 2020-02-30} and {@code 2020-22-09}
 * ({@code DATE_INVALID}). The rule is {@link org.conversionkit.model.rules.DateRule}.
 *
 * <p>Applies to {@link CharSequence}. {@code null} is valid; an empty or blank text is not.
 */
// The validator is internal on purpose: opened to Hibernate Validator, not exported as an API.
@SuppressWarnings("exports")
@Documented
@Constraint(validatedBy = IsoDateValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Repeatable(IsoDate.List.class)
public @interface IsoDate {

    /**
     * Returns the message template, by default the bundle key
     * {@code org.conversionkit.validation.constraints.IsoDate.message}; {@code {reason}} in it stands for
     * the rule's explanation and {@code {code}} for its violation code.
     *
     * @return the message template
     */
    String message() default "{org.conversionkit.validation.constraints.IsoDate.message}";

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
     * Holds several {@link IsoDate} constraints on one element, for example in different groups.
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
        IsoDate[] value();
    }
}
