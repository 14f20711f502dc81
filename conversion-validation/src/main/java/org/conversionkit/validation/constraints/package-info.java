/**
 * Jakarta Bean Validation constraints over the model's rules, for a service's own beans:
 * {@link org.conversionkit.validation.constraints.IsoDate},
 * {@link org.conversionkit.validation.constraints.AbsoluteHttpUrl},
 * {@link org.conversionkit.validation.constraints.IsoDateTime} and
 * {@link org.conversionkit.validation.constraints.CurrencyCode}.
 *
 * <p>Each is a thin adapter over the one implementation of its rule in
 * {@code org.conversionkit.model.rules}, so a bean and a streamed file are held to the same rule.
 * {@code null} is valid, as everywhere in Bean Validation (add {@code @NotNull} to require a value);
 * an empty or blank text is not. Messages come from the bundle
 * {@code ContributorValidationMessages}; with Hibernate Validator the rule's own explanation is
 * passed as the message parameter {@code {reason}} (and the violation code as {@code {code}}), never
 * concatenated into a template, so that no text from the data is ever interpreted. Bootstrap the
 * provider with {@link org.conversionkit.validation.BeanValidation#buildValidatorFactory()}.
 */
@NullMarked
package org.conversionkit.validation.constraints;

import org.jspecify.annotations.NullMarked;
