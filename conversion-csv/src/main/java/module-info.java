/**
 * Headerless CSV conversion exports: strict UTF-8 (optionally gzip-compressed), any delimiter, sniffed or
 * given, read into raw records for a validator or typed conversion rows for a service.
 */
module org.conversionkit.csv {
    requires transitive org.conversionkit.model;
    requires transitive org.conversionkit.validation;
    requires de.siegmar.fastcsv;

    exports org.conversionkit.csv;
}
