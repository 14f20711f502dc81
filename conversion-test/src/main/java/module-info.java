/**
 * conversion-kit's test kit, for pipelines' own tests: AssertJ assertions on reports, violations and files, and
 * fixture files written through the writers, valid or with named mistakes.
 */
module org.conversionkit.test {
    requires transitive org.conversionkit.files;
    requires transitive org.assertj.core;
    requires static org.jspecify;

    exports org.conversionkit.test;
}
