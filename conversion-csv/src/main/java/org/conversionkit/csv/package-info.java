/**
 * Reads headerless CSV conversion exports: {@link org.conversionkit.csv.ConversionCsvReader} for typed rows and
 * raw record sources, {@link org.conversionkit.csv.CsvLimits} for the limits that keep reading bounded.
 */
@NullMarked
package org.conversionkit.csv;

import org.jspecify.annotations.NullMarked;
