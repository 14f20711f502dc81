package org.conversionkit.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.conversionkit.csv.CsvLimits;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reader's fast path, FastCSV on the input and a re-read through a {@link QuoteFilter} from the first record
 * that needs it, gives exactly what reading through the filter from the start gives: every record, value,
 * violation, line and column, the blank lines and the delimiter, on thousands of generated files full of what
 * the filter is for (quotes after white space, text after closing quotes) and of what it must leave alone.
 */
class QuoteFilterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a, \"b,c\"\\n|a,\"b,c\"\\n",
        "a,  \t\"b\"\"c\"\\n|a,\"b\"\"c\"\\n",
        " \"a\\nb\", c\\r\\n|\"a\\nb\", c\\r\\n",
        "\"a\" ,b\\n\"c\"x\"y,d\\n|\"a\",b\\n\"c\",d\\n",
        "a \"b\" c, d\\n|a \"b\" c, d\\n",
        "  \\n \\r\\n|  \\n \\r\\n",
        "a,\"\"\"\",b\\n|a,\"\"\"\",b\\n",
    })
    void rewritesWhatTheParserCannotRead(String input, String output) throws IOException {
        String text = unescape(input);
        QuoteFilter filter = new QuoteFilter(new StringReader(text), ',', 1, 100);
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[3];
        for (int read = filter.read(buffer, 0, 3); read >= 0; read = filter.read(buffer, 0, 3)) {
            out.append(buffer, 0, read);
        }
        assertThat(out.toString()).isEqualTo(unescape(output));
        assertThat(filter.ended()).isTrue();
    }

    @Test
    void locatesTextAfterAClosingQuote() throws IOException {
        QuoteFilter filter = new QuoteFilter(new StringReader("a,\"b\"\r\n\"c\nd\" x,y\r\"e\"z\n"), ',', 10, 100);
        char[] buffer = new char[100];
        while (filter.read(buffer, 0, 100) >= 0) {
            // to the end
        }
        assertThat(filter.take(10)).isNull();
        assertThat(filter.take(12)).isEqualTo(new QuoteFilter.Event(12, 3, 1));
        assertThat(filter.hasEvent(12)).isFalse();
        assertThat(filter.take(13)).isEqualTo(new QuoteFilter.Event(13, 4, 1));
    }

    @Test
    void theFastPathAndItsRereadAgreeWithTheFilterFromTheStart() throws IOException {
        Random random = new Random(20261203L);
        int reread = 0;
        for (int i = 0; i < 3000; i++) {
            String text = generate(random);
            char delimiter = random.nextInt(3) == 0 ? ';' : ',';
            String csv = delimiter == ',' ? text : text.replace(',', ';');
            CsvLimits limits = random.nextInt(4) == 0
                    ? CsvLimits.builder().maxFieldSize(30 + random.nextInt(40)).maxRecordSize(200).build()
                    : CsvLimits.DEFAULTS;
            int given = random.nextBoolean() ? delimiter : CsvRecordSource.DETECT;
            ConversionProfile profile = ConversionProfile.builder()
                    .columns(ColumnLayout.parse("url,date,channel,transactions,revenue")).build();
            Read fast = read(CsvRecordSource.of(new StringReader(csv), null, given, profile, limits));
            Read filtered = read(CsvRecordSource.filtered(new StringReader(csv), given, profile, limits));
            assertThat(fast).as("run %d:\n%s", i, csv).isEqualTo(filtered);
            reread += csv.contains(" \"") || csv.contains("\" ") ? 1 : 0;
        }
        assertThat(reread).as("files read again").isGreaterThan(500);
    }

    @Test
    void aRecordTooLargeToReadAgainEndsReading() throws IOException {
        // The parser's buffer of 2 × 40 + 16 Ki characters, a record of more than 4 × that before the quote.
        CsvLimits limits = CsvLimits.builder().maxFieldSize(40).maxRecordSize(100).build();
        String big = "x,".repeat(40_000);
        String csv = "https://domain.tld,2020-09-22,a,1,1\n" + big + " \"a,b\"\nhttps://domain.tld,2020-09-22,a,1,1\n";
        Read read = read(CsvRecordSource.of(new StringReader(csv), null, ',', ConversionProfile.DEFAULT, limits));
        assertThat(read.records()).hasSize(2);
        assertThat(read.records().get(1)).contains("MALFORMED_CSV").contains("reading stops here");
    }

    /** What a source delivers: its records as text, its blank lines and delimiter. */
    private record Read(List<String> records, long blankLines, String delimiter) {
    }

    private static Read read(CsvRecordSource source) {
        try (source) {
            List<String> records = new ArrayList<>();
            for (RawRecord record = source.next(); record != null; record = source.next()) {
                StringBuilder text = new StringBuilder(record.toString());
                for (int slot = 0; slot < 6; slot++) {
                    text.append(' ').append(record.column(slot));
                }
                for (Violation violation : record.violations()) {
                    text.append(' ').append(violation.column());
                }
                records.add(text.toString());
            }
            return new Read(records, source.blankLines(), source.delimiter().orElseThrow());
        }
    }

    /** Rows full of quotes where the filter has work to do, and where it has none. */
    private static String generate(Random random) {
        StringBuilder text = new StringBuilder();
        int rows = random.nextInt(30);
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(20) == 0) {
                text.append(pick(random, "\n", "  \n", " \t \r\n", "# note, \"x\"\n"));
                continue;
            }
            int fields = random.nextInt(20) == 0 ? 4 + random.nextInt(3) : 5;
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    text.append(',');
                }
                text.append(pick(random, "", "", " ", "  ", "\t", " \t"));
                String value = switch (f) {
                    case 0 -> pick(random, "https://domain.tld/p", "https://domain.tld/a,b", "/rel");
                    case 1 -> pick(random, "2020-09-22", "2020-09-21");
                    case 2 -> pick(random, "organic", "organic, paid", "say \"hi\"", "multi\nline", "", "   ");
                    default -> pick(random, "1", "10.0", "x");
                };
                switch (random.nextInt(6)) {
                    case 0, 1 -> text.append('"').append(value.replace("\"", "\"\"")).append('"')
                            .append(pick(random, "", "", "", " ", "x", "\"y\"", " \t"));
                    case 2 -> text.append(value.replace('\n', ' ').replace('"', '\''));
                    default -> text.append(value.replace('\n', ' ').replace(",", "")
                            .replace("\"", random.nextBoolean() ? "'" : "\""));
                }
            }
            text.append(pick(random, "\n", "\n", "\r\n", "\r"));
        }
        if (random.nextInt(15) == 0) {
            text.append(pick(random, " \"open,2020-09-22\n", "a, \"b\" ", "\"a\"x"));
        }
        return text.toString();
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n");
    }

}
