package org.conversionkit.validation;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bootstraps Hibernate Validator for beans that carry the constraints of
 * {@link org.conversionkit.validation.constraints} (and any others).
 *
 * <p>The factory interpolates messages with {@link ParameterMessageInterpolator}: message parameters
 * and constraint attributes only, no Jakarta Expression Language, so no expression is ever evaluated
 * and no {@code jakarta.el} implementation is needed (without one, Hibernate Validator's default
 * bootstrap fails with HV000183). The price: {@code ${...}} expressions in templates, as in the
 * messages of {@code @DecimalMin} and {@code @DecimalMax}, are not interpolated. The provider is
 * named directly rather than looked up through {@link java.util.ServiceLoader}, so the bootstrap also
 * works from a shaded jar or a module layer whose service files were lost.
 */
public final class BeanValidation {

    private BeanValidation() {
    }

    /**
     * Builds a validator factory: Hibernate Validator with parameter-only message interpolation.
     * Building one is costly (tens of milliseconds); build it once, share it (it is thread-safe), and
     * close it when done.
     *
     * @return a new factory
     * @throws jakarta.validation.ValidationException if Hibernate Validator cannot start
     */
    public static ValidatorFactory buildValidatorFactory() {
        return Validation.byProvider(HibernateValidator.class)
                .providerResolver(() -> List.of(new HibernateValidator()))
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
    }
}
