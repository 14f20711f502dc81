/**
 * The constraint validators behind {@link org.conversionkit.validation.constraints}; opened to
 * Hibernate Validator, which instantiates them. Not an API.
 */
@NullMarked
package org.conversionkit.validation.internal.constraints;

import org.jspecify.annotations.NullMarked;
