/**
 * The implementation of conversion-csv: strict decoding, delimiter sniffing and the FastCSV callback handler
 * that turns CSV records into raw records. Not an API.
 */
@NullMarked
package org.conversionkit.csv.internal;

import org.jspecify.annotations.NullMarked;
