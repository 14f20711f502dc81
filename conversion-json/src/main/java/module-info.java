/**
 * Reads conversion rows and CRM records from NDJSON and loose JSON, and infers the warehouse schema
 * of a feed, on jackson-core's streaming parser.
 */
module org.conversionkit.json {
    requires transitive org.conversionkit.model;
    requires transitive org.conversionkit.validation;
    requires tools.jackson.core;

    exports org.conversionkit.json;
}
