/**
 * Implementation of the JSON readers: input handling (gzip, BOM, form detection, the loose-form
 * filter), the record source on jackson-core, and the schema collector. Not an API.
 */
@NullMarked
package org.conversionkit.json.internal;

import org.jspecify.annotations.NullMarked;
