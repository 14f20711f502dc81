package org.conversionkit.csv.internal;

import org.jspecify.annotations.Nullable;

/**
 * The starts of FastCSV's parse-error messages that the CSV reader tells apart: the one place where it reads the
 * words of a dependency, since FastCSV reports both faults as a {@code CsvParseException} and says which only in
 * its text. {@code FastCsvMessageTest} provokes each from FastCSV itself and fails, naming the constant, when an
 * upgrade rewords one.
 */
enum FastCsvMessage {

    /** A field larger than the parser's buffer ({@code maxBufferSize}). */
    BUFFER_OVERFLOW("The maximum buffer size"),
    /** Text after a closing quote, which the reader then reads again through a {@code QuoteFilter}. */
    TEXT_AFTER_QUOTE("Unexpected character after closing quote");

    private final String start;

    FastCsvMessage(String start) {
        this.start = start;
    }

    /**
     * Returns whether a message is of this kind.
     *
     * @param message FastCSV's message, or {@code null}
     * @return {@code true} when it starts with this kind's text
     */
    boolean in(@Nullable String message) {
        return message != null && message.startsWith(start);
    }

    /**
     * Returns the text matched.
     *
     * @return the start of the message
     */
    String text() {
        return start;
    }
}
