/**
 * Validators of whole inputs: {@link org.conversionkit.validation.ConversionValidator} for daily
 * conversion files, {@link org.conversionkit.validation.FeedValidator} for CRM feeds and
 * {@link org.conversionkit.validation.DeliveryValidator} for delivery sets of file names, each giving
 * a report with counts and a capped list of violations; and
 * {@link org.conversionkit.validation.BeanValidation} to bootstrap Hibernate Validator for the
 * constraints of {@link org.conversionkit.validation.constraints}.
 */
@NullMarked
package org.conversionkit.validation;

import org.jspecify.annotations.NullMarked;
