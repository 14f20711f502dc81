/**
 * The field rules, each implemented once: URL, date, numbers, RFC 3339 date-times, currencies.
 * Every check returns {@code null} for a good value and a {@link org.conversionkit.model.rules.Problem}
 * otherwise; readers, validators and the Jakarta constraint adapters all call these.
 */
@NullMarked
package org.conversionkit.model.rules;

import org.jspecify.annotations.NullMarked;
