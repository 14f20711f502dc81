package org.conversionkit.model;

import java.io.Closeable;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A reader of the typed records of one input: conversion rows from CSV ({@code ConversionCsvReader}) or JSON
 * ({@code ConversionJsonReader}), CRM records from a feed ({@code CrmFeedReader}). Each is built by its
 * {@link TypedReaderBuilder}, under a profile whose every rule it applies as a validator would: it delivers
 * exactly the records a report counts valid, and a record with an error is handled by the
 * {@link InvalidRecordStrategy}.
 *
 * <p>A reader is single-pass and not thread-safe: the input is read once, through the one iterator. Nothing is
 * read before the first record is asked for.
 *
 * <pre>{@code
 * try (TypedReader<ConversionRow> rows = ConversionCsvReader.builder().build(path)) {
 *     for (ConversionRow row : rows) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * @param <T> the records: {@link ConversionRow} or {@link CrmRecord}
 */
public interface TypedReader<T> extends Iterable<T>, Closeable {

    /**
     * Returns the iterator over the records. There is one: the input is read once, and every call returns the
     * same iterator.
     *
     * @return the iterator
     * @throws ConversionDataException from {@code hasNext()}/{@code next()} for a record with an error, with
     *                                 {@link InvalidRecordStrategy#FAIL}
     * @throws UncheckedIOException    from {@code hasNext()}/{@code next()} if the input cannot be read
     */
    @Override
    Iterator<T> iterator();

    /**
     * Returns a sequential stream over the remaining records; closing the stream closes this reader.
     *
     * @return the stream
     */
    Stream<T> stream();

    /**
     * Returns the line where the last record the iterator returned starts, for messages of your own about it.
     *
     * @return the 1-based line, or 0 before the first record
     */
    long lastLine();

    /**
     * Returns the number of records read so far, valid or not, delivered or not; blank lines are not records.
     *
     * @return the records read
     */
    long recordsRead();

    /**
     * Returns the number of records skipped for an error ({@link InvalidRecordStrategy#SKIP}): the report's
     * invalid records, once the input is read.
     *
     * @return the records skipped
     */
    long recordsSkipped();

    /**
     * Returns the number of blank lines (empty or white space only) skipped so far.
     *
     * @return the blank lines; 0 for a JSON input in a form other than NDJSON
     */
    long blankLines();

    /**
     * Closes the input.
     *
     * @throws UncheckedIOException if closing fails
     */
    @Override
    void close();
}
