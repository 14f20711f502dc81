/**
 * JSON readers: {@link org.conversionkit.json.ConversionJsonReader} for daily conversion rows,
 * {@link org.conversionkit.json.CrmFeedReader} for CRM feeds, and
 * {@link org.conversionkit.json.SchemaInference} for the BigQuery schema a feed will produce.
 */
@NullMarked
package org.conversionkit.json;

import org.jspecify.annotations.NullMarked;
