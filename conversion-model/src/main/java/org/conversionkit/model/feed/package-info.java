/**
 * CRM feed delivery: the feed URL with its {@code date=YYYYMMDD} parameter, the Basic Auth header
 * value that carries the feed's credentials, and the BigQuery table a feed is imported into.
 * Nothing here opens a connection: the library builds and checks the values, the importer uses them.
 */
@NullMarked
package org.conversionkit.model.feed;

import org.jspecify.annotations.NullMarked;
