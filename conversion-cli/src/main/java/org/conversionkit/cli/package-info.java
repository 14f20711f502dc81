/**
 * The {@code conversion-check} command: {@link org.conversionkit.cli.ConversionCheck} is its entry point.
 */
@NullMarked
package org.conversionkit.cli;

import org.jspecify.annotations.NullMarked;
