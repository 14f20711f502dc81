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
import org.conversionkit.validation.internal.constraints.IsoDateTimeValidator;

/**
 * The annotated text must be a date or date-time as a CRM feed writes {@code createdAt} and {@code updatedAt}: an
 * RFC 3339 date-time ({@code 2020-01-10T10:15:30Z}, {@code 2020-01-10t10:15:30.5+02:00}, a leap second at a month's
 * end), a date-time without an offset ({@code 2020-01-10T10:15:30}) or a date ({@code 2020-01-10}). Another shape is
 * {@code DATE_FORMAT} (a time without seconds, an offset {@code +0100} or {@code +01}, a comma before the fraction);
 * impossible values ({@code 2022-02-30}, hour 25) are {@code DATE_INVALID}; the SQL form with a space for the
 * {@code T}, a warning in a feed, is refused as {@code DATE_TIME_SEPARATOR}, since a constraint has no warnings. The
 * rule is {@link org.conversionkit.model.rules.IsoDateTimeRule}; {@link #offset()} can require an offset.
 *
 * <p>Applies to {@link CharSequence}. {@code null} is valid; an empty or blank text is not.
 */
// The validator is internal on purpose: opened to Hibernate Validator, not exported as an API.
@SuppressWarnings("exports")
@Documented
@Constraint(validatedBy = IsoDateTimeValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Repeatable(IsoDateTime.List.class)
public @interface IsoDateTime {

    /**
     * Returns the message template, by default the bundle key
     * {@code org.conversionkit.validation.constraints.IsoDateTime.message}; {@code {reason}} in it stands for
     * the rule's explanation and {@code {code}} for its violation code.
     *
     * @return the message template
     */
    String message() default "{org.conversionkit.validation.constraints.IsoDateTime.message}";

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
     * Returns whether the value must carry an offset.
     *
     * @return {@link Offset#OPTIONAL} by default
     */
    Offset offset() default Offset.OPTIONAL;

    /** Whether a date-time must carry an offset from UTC. */
    enum Offset {
        /** A date, a local date-time and a date-time with an offset are all valid. */
        OPTIONAL,
        /**
         * Only a date-time with an offset ({@code Z}, {@code +02:00}) is valid: a value that names an
         * instant, as a warehouse {@code TIMESTAMP} column needs.
         */
        REQUIRED
    }

    /**
     * Holds several {@link IsoDateTime} constraints on one element, for example in different groups.
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
        IsoDateTime[] value();
    }
}
