/**
 * Checks files in one call and writes reports: {@link org.conversionkit.files.ConversionFiles} for the one-call
 * check, {@link org.conversionkit.files.FileChecker} for a configured check, {@link org.conversionkit.files.FileFormat}
 * for format detection, {@link org.conversionkit.files.ReportWriter} for the text and JSON reports of
 * {@code conversion-check}.
 */
@NullMarked
package org.conversionkit.files;

import org.jspecify.annotations.NullMarked;
