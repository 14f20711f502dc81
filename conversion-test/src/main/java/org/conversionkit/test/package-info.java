/**
 * The test kit: {@link org.conversionkit.test.ConversionAssertions} for AssertJ assertions on reports, violations
 * and files.
 */
@NullMarked
package org.conversionkit.test;

import org.jspecify.annotations.NullMarked;
