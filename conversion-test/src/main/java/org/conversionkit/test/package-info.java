/**
 * The test kit: {@link org.conversionkit.test.ConversionAssertions} for AssertJ assertions on reports, violations
 * and files, {@link org.conversionkit.test.ExportFixture} and {@link org.conversionkit.test.CrmFeedFixture} for
 * fixture files written through the writers, with the mistakes of {@link org.conversionkit.test.ExportMistake} and
 * {@link org.conversionkit.test.CrmMistake} injected by name.
 */
@NullMarked
package org.conversionkit.test;

import org.jspecify.annotations.NullMarked;
