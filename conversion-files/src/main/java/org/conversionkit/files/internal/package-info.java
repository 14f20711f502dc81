/**
 * Internals of conversion-files: not part of the API, may change in any release; do not use.
 */
@NullMarked
package org.conversionkit.files.internal;

import org.jspecify.annotations.NullMarked;
