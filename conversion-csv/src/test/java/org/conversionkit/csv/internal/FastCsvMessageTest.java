package org.conversionkit.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * The canary of {@link FastCsvMessage}: each message start the CSV reader tells faults apart by, provoked from
 * FastCSV itself, with the settings the reader gives it. When an upgrade of FastCSV rewords one, this test fails
 * and names the constant, before the reader would report a field too large or text after a quote as an
 * unreadable file.
 */
class FastCsvMessageTest {

    @Test
    void aFieldLargerThanTheBuffer() {
        String field = "x".repeat(20_000);
        assertThat(message(CsvReader.builder().maxBufferSize(16_384), "a," + field + ",b\n"))
                .satisfies(m -> assertThat(FastCsvMessage.BUFFER_OVERFLOW.in(m))
                        .as("FastCSV's message no longer starts with '%s': %s", FastCsvMessage.BUFFER_OVERFLOW.text(),
                                m).isTrue());
    }

    @Test
    void textAfterAClosingQuote() {
        assertThat(message(CsvReader.builder(), "\"a\"b,c\n"))
                .satisfies(m -> assertThat(FastCsvMessage.TEXT_AFTER_QUOTE.in(m))
                        .as("FastCSV's message no longer starts with '%s': %s", FastCsvMessage.TEXT_AFTER_QUOTE.text(),
                                m).isTrue());
    }

    @Test
    void neitherMatchesTheOther() {
        assertThat(FastCsvMessage.BUFFER_OVERFLOW.in(message(CsvReader.builder(), "\"a\"b,c\n"))).isFalse();
        assertThat(FastCsvMessage.TEXT_AFTER_QUOTE.in(null)).isFalse();
    }

    /** Reads every record; returns the message of FastCSV's parse error. */
    private static String message(CsvReader.CsvReaderBuilder builder, String csv) {
        try (CsvReader<CsvRecord> reader = builder.ofCsvRecord(new StringReader(csv))) {
            for (CsvRecord record : reader) {
                assertThat(record.getFieldCount()).isPositive();
            }
        } catch (CsvParseException e) {
            return String.valueOf(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fail("no parse error from FastCSV for: " + csv);
    }
}
