/**
 * The conversion-kit data model: records, the violation catalogue, field rules, file names, feed URLs and table names.
 * Depends on nothing but JSpecify's annotations.
 */
@SuppressWarnings("module") // the internal package is exported to modules built after this one
module org.conversionkit.model {
    requires static transitive org.jspecify;

    exports org.conversionkit.model;
    exports org.conversionkit.model.rules;
    exports org.conversionkit.model.feed;
    exports org.conversionkit.model.internal to
            org.conversionkit.csv,
            org.conversionkit.json,
            org.conversionkit.validation,
            org.conversionkit.files,
            org.conversionkit.cli;
}
