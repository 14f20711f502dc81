/**
 * Implementation of the validators: violation counting, and the set of id hashes behind duplicate
 * detection. Not an API.
 */
@NullMarked
package org.conversionkit.validation.internal;

import org.jspecify.annotations.NullMarked;
