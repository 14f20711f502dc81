/**
 * The commands of {@code conversion-check} and their reports; not an API.
 */
@NullMarked
package org.conversionkit.cli.internal;

import org.jspecify.annotations.NullMarked;
