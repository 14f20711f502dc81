/**
 * {@code conversion-check}, the command line over conversion-kit: validates exports and feeds, checks
 * delivery sets, builds feed URLs and table names, and infers feed schemas.
 */
module org.conversionkit.cli {
    requires org.conversionkit.csv;
    requires org.conversionkit.json;
    requires org.conversionkit.validation;
    requires org.conversionkit.files;
    requires info.picocli;
    requires tools.jackson.core;

    exports org.conversionkit.cli;
    opens org.conversionkit.cli.internal to info.picocli;
}
