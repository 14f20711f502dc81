/**
 * conversion-kit validation: whole files, CRM feeds and delivery sets checked into reports, and
 * Jakarta Bean Validation constraints over the model's rules.
 *
 * <p>The constraint validators live in an internal package that is opened to Hibernate Validator
 * only, so that it can instantiate them; with another Bean Validation provider on the module path,
 * open the package {@code org.conversionkit.validation.internal.constraints} to it with
 * {@code --add-opens}.
 */
@SuppressWarnings("module") // the internal package is exported to modules built after this one
module org.conversionkit.validation {
    requires transitive org.conversionkit.model;
    requires transitive jakarta.validation;
    requires org.hibernate.validator;
    requires static org.jspecify;

    exports org.conversionkit.validation;
    exports org.conversionkit.validation.constraints;
    exports org.conversionkit.validation.internal to
            org.conversionkit.csv,
            org.conversionkit.json;

    opens org.conversionkit.validation.internal.constraints to org.hibernate.validator;
}
