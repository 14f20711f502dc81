package org.conversionkit.model.internal;

/**
 * A record source that can check rows with a {@link PlainRowCheck} as it reads them and, for a row that passes,
 * count it instead of building it: what a validator that only counts valid rows asks of its source.
 *
 * <p>A skipped row is a record like any other for the source (it has a record number, it counts against the
 * limits); only {@code next()} does not return it. Every other record is returned as before, its values
 * intact.
 */
public interface PlainRowSkipping {

    /**
     * From the next record on, counts the plain rows instead of returning them.
     *
     * @param check the mapper's plain-row check; must be {@link PlainRowCheck#isUseful() useful}
     */
    void skipPlainRows(PlainRowCheck check);

    /**
     * Returns the plain rows counted and not returned so far.
     *
     * @return the skipped rows
     */
    long plainRowsSkipped();
}
