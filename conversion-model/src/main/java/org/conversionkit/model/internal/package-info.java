/**
 * Implementation shared by the conversion-kit modules; not an API. Exported only to them.
 */
@NullMarked
package org.conversionkit.model.internal;

import org.jspecify.annotations.NullMarked;
