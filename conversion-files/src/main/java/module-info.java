/**
 * The one entry point for services: a conversion file or CRM feed checked in one call, its format detected as
 * the command line detects it, and the command line's text and JSON reports written from Java.
 */
@SuppressWarnings("module") // the internal package is exported to the command line, built after this module
module org.conversionkit.files {
    requires transitive org.conversionkit.csv;
    requires transitive org.conversionkit.json;
    requires transitive org.conversionkit.validation;
    requires tools.jackson.core;
    requires static org.jspecify;

    exports org.conversionkit.files;
    exports org.conversionkit.files.internal to org.conversionkit.cli;
}
