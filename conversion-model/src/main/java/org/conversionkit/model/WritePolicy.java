package org.conversionkit.model;

/**
 * What a writer does with a row or record that breaks a rule: the writers check everything they are given by the
 * same rules as the validators, against the file's day or the feed's mode.
 *
 * <p>Warnings never stop a row: it is written and the warning is in the writer's report, unless the profile is
 * {@link Strictness#STRICT strict}, where a warning is an error.
 */
public enum WritePolicy {
    /**
     * Refuse the row at once: it is not written, and the write call throws a {@link ConversionDataException} that
     * says what is wrong, located by the row's number among the rows given to the writer. The default: a file
     * finished under this policy is valid by construction.
     */
    REFUSE,
    /**
     * Leave the row out and go on: it is not written, and the writer counts it and lists its violations apart
     * from the file's report, located by the row's number among the rows given.
     */
    LEAVE_OUT,
    /**
     * Write the row anyway and report it: the file then is not valid, and its report says why exactly as
     * {@code validate} will. For test fixtures that need a broken file, and for exporters that deliver first and
     * fix later.
     */
    KEEP
}
