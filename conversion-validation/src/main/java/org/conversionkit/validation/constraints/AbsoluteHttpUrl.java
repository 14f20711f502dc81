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
import org.conversionkit.validation.internal.constraints.AbsoluteHttpUrlValidator;

/**
 * The annotated text must be an absolute http or https URL with a valid host, as a conversion row's
 * {@code url}: {@code https://domain.tld/path/to/my/page} is valid; {@code /path/to/my/page}
 * ({@code URL_RELATIVE}), {@code ftp:}, {@code javascript:} or {@code mailto:} URLs ({@code URL_SCHEME}),
 * and {@code https:///x}, {@code http:/x} or a URL with spaces ({@code URL_INVALID}) are not. A host
 * without a protocol, {@code domain.tld/path/to/my/page} ({@code URL_NO_SCHEME}), is refused unless
 * {@link #scheme()} is {@link Scheme#OPTIONAL}. The rule is {@link org.conversionkit.model.rules.UrlRule};
 * a URL is never fetched or resolved.
 *
 * <p>Applies to {@link CharSequence}. {@code null} is valid; an empty or blank text is not.
 */
// The validator is internal on purpose: opened to Hibernate Validator, not exported as an API.
@SuppressWarnings("exports")
@Documented
@Constraint(validatedBy = AbsoluteHttpUrlValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Repeatable(AbsoluteHttpUrl.List.class)
public @interface AbsoluteHttpUrl {

    /**
     * Returns the message template, by default the bundle key
     * {@code org.conversionkit.validation.constraints.AbsoluteHttpUrl.message}; {@code {reason}} in it stands for
     * the rule's explanation and {@code {code}} for its violation code.
     *
     * @return the message template
     */
    String message() default "{org.conversionkit.validation.constraints.AbsoluteHttpUrl.message}";

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
     * Returns whether the URL must start with its protocol.
     *
     * @return {@link Scheme#REQUIRED} by default
     */
    Scheme scheme() default Scheme.REQUIRED;

    /** Whether a URL must start with its protocol. */
    enum Scheme {
        /** {@code http://} or {@code https://} is required: {@code domain.tld/path} is invalid. */
        REQUIRED,
        /**
         * A host without a protocol ({@code domain.tld/path}, {@code //cdn.domain.tld/p}) is accepted,
         * as Botify accepts it with a warning, assuming the project's protocol.
         */
        OPTIONAL
    }

    /**
     * Holds several {@link AbsoluteHttpUrl} constraints on one element, for example in different groups.
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
        AbsoluteHttpUrl[] value();
    }
}
