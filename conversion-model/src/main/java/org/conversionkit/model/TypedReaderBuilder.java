package org.conversionkit.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Builds {@link TypedReader}s of one kind of input, and the {@link RecordSource}s of raw records a validator
 * consumes, the way FastCSV's {@code CsvReader.builder()} builds its readers: a builder can build any number of
 * readers and sources, and every setting applies to all of them, or the builder refuses the combination. Its
 * profile and limits are set by the format's own builder methods; {@link #invalidRecords(InvalidRecordStrategy)}
 * decides what a typed reader does with a record that has an error, and a source, which delivers every record,
 * refuses it.
 *
 * <p>Inputs are UTF-8 bytes, plain or gzip-compressed (told by the magic bytes or a name ending in
 * {@code .gz}), or characters. A reader or source closes its input. A name (a file's path, or the name given
 * with a stream, as for an upload) is the source's {@link RecordSource#name()}; for a conversion file it gives the
 * date rows are held to ({@link ConversionProfile#dateFor(String)}), as {@code conversion-check validate} holds
 * them. Characters have no bytes to check: a leading U+FEFF is skipped, and the limits on bytes count characters.
 *
 * @param <B> the builder, returned by its setters
 * @param <R> the reader it builds
 */
public interface TypedReaderBuilder<B extends TypedReaderBuilder<B, R>, R extends TypedReader<?>> {

    /**
     * Sets what a typed reader does with a record that has an error. A source delivers every record: once
     * this is set, {@code source(...)} refuses to build one.
     *
     * @param invalidRecords {@link InvalidRecordStrategy#FAIL} (the default) or
     *                       {@link InvalidRecordStrategy#SKIP}
     * @return this builder
     */
    B invalidRecords(InvalidRecordStrategy invalidRecords);

    /**
     * Opens a file for typed records; its name is the source's name.
     *
     * @param path the file, plain or gzip-compressed
     * @return the reader; close it
     * @throws IOException if the file cannot be opened
     */
    R build(Path path) throws IOException;

    /**
     * Reads a byte stream for typed records, without a name: conversion rows are held only to the profile's
     * date, if any.
     *
     * @param in UTF-8 bytes, plain or gzip-compressed
     * @return the reader; close it
     */
    R build(InputStream in);

    /**
     * Reads a named byte stream for typed records, for example an upload under its file name; the name counts
     * as a file's would.
     *
     * @param name the input's file name, as a path or a bare name
     * @param in   UTF-8 bytes, plain or gzip-compressed
     * @return the reader; close it
     */
    R build(String name, InputStream in);

    /**
     * Reads characters for typed records, without a name.
     *
     * @param in the characters
     * @return the reader; close it
     */
    R build(Reader in);

    /**
     * Opens a file as a source of raw records, as a validator consumes them ({@code name()} the path,
     * {@code profile()} this builder's profile).
     *
     * @param path the file, plain or gzip-compressed
     * @return the source; close it
     * @throws IOException if the file cannot be opened
     * @throws IllegalStateException if {@link #invalidRecords(InvalidRecordStrategy)} was set
     */
    RecordSource source(Path path) throws IOException;

    /**
     * Reads a byte stream as a source of raw records, without a name.
     *
     * @param in UTF-8 bytes, plain or gzip-compressed
     * @return the source; close it
     * @throws IllegalStateException if {@link #invalidRecords(InvalidRecordStrategy)} was set
     */
    RecordSource source(InputStream in);

    /**
     * Reads a named byte stream as a source of raw records.
     *
     * @param name the input's file name, as a path or a bare name
     * @param in   UTF-8 bytes, plain or gzip-compressed
     * @return the source; close it
     * @throws IllegalStateException if {@link #invalidRecords(InvalidRecordStrategy)} was set
     */
    RecordSource source(String name, InputStream in);

    /**
     * Reads characters as a source of raw records, without a name.
     *
     * @param in the characters
     * @return the source; close it
     * @throws IllegalStateException if {@link #invalidRecords(InvalidRecordStrategy)} was set
     */
    RecordSource source(Reader in);
}
