package org.conversionkit.model;

/**
 * The settings of one kind of check, as one immutable value: what a reader maps and checks each record
 * by, and what a validator reports by. Readers and validators take the same value, and a
 * {@link RecordSource} carries the profile it was built with, so that the settings of a check live in one
 * place only.
 *
 * <ul>
 *   <li>{@link ConversionProfile}: daily conversion exports (column layout, field defaults, the date rows
 *       are held to, the file-name rule, strictness);</li>
 *   <li>{@link CrmProfile}: CRM feeds (id field, snapshot or daily feed, strictness, the limits of the
 *       checks across records).</li>
 * </ul>
 */
public sealed interface FileProfile permits ConversionProfile, CrmProfile {

    /**
     * Returns the kind of records this profile checks, as reports name it.
     *
     * @return {@link Profile#CONVERSIONS} or {@link Profile#CRM}
     */
    Profile kind();

    /**
     * Returns how warnings weigh.
     *
     * @return {@link Strictness#STRICT} when every warning counts as an error
     */
    Strictness strictness();
}
