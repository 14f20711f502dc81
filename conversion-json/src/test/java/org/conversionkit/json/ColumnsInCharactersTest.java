package org.conversionkit.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;

/**
 * Columns count characters, from bytes as from characters: every fixture of conversion rows and CRM feeds that can
 * be read as characters, with two-, three- and four-byte characters put at the start of every string value, is read
 * from its UTF-8 bytes and from a {@code Reader}, and every violation the reader finds (syntax errors, lines that are
 * not NDJSON, duplicate keys, values that are not objects) has the same line and column both ways. jackson-core
 * counts the columns of byte input in bytes; without the reader's count of characters, each of these would differ.
 */
class ColumnsInCharactersTest {

    /** Put at the start of every string value: a two-, a three- and a four-byte character (two UTF-16 units). */
    private static final String WIDE = "é€😀";

    @Test
    void everyViolationHasTheSameColumnFromBytesAndFromCharacters() {
        List<String> differences = new ArrayList<>();
        int afterWideCharacters = 0;
        for (String kind : List.of("conversions", "crm")) {
            String file = kind.equals("crm") ? "crm.json" : "json.json";
            for (SpecCase fixture : Spec.load(file).cases().stream().filter(c -> c.input().readableAsText())
                    .toList()) {
                String text = widen(fixture.input().text());
                List<Violation> fromBytes = violations(kind, text, true);
                List<Violation> fromChars = violations(kind, text, false);
                List<String> bytes = fromBytes.stream().map(ColumnsInCharactersTest::located).toList();
                List<String> chars = fromChars.stream().map(ColumnsInCharactersTest::located).toList();
                if (!bytes.equals(chars)) {
                    differences.add(kind + "/" + fixture + ": from bytes " + bytes + ", from characters " + chars);
                }
                String[] lines = text.split("\r\n|\r|\n", -1);
                for (Violation violation : fromChars) {
                    int line = (int) violation.line() - 1;
                    if (violation.column() > 1 && line >= 0 && line < lines.length
                            && hasWideBefore(lines[line], (int) violation.column() - 1)) {
                        afterWideCharacters++;
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
        // Not a test of nothing: that many violations have a character outside ASCII before their column.
        assertThat(afterWideCharacters).isGreaterThanOrEqualTo(20);
    }

    /** Puts {@link #WIDE} at the start of every string value (after a colon and a quote, either quote). */
    private static String widen(String text) {
        return text.replace("\":\"", "\":\"" + WIDE).replace("\": \"", "\": \"" + WIDE)
                .replace("':'", "':'" + WIDE).replace("': '", "': '" + WIDE);
    }

    private static boolean hasWideBefore(String line, int units) {
        return line.substring(0, Math.min(units, line.length())).chars().anyMatch(c -> c > 0x7F);
    }

    private static String located(Violation violation) {
        return violation.record() + "@" + violation.line() + ":" + violation.column() + " " + violation.code();
    }

    private static List<Violation> violations(String kind, String text, boolean bytes) {
        List<Violation> found = new ArrayList<>();
        try (RecordSource source = source(kind, text, bytes)) {
            for (RawRecord record = source.next(); record != null; record = source.next()) {
                found.addAll(record.violations());
            }
        }
        return found;
    }

    private static RecordSource source(String kind, String text, boolean bytes) {
        if (kind.equals("crm")) {
            CrmFeedReader.Builder builder = CrmFeedReader.builder();
            return bytes ? builder.source(new ByteArrayInputStream(text.getBytes(UTF_8)))
                    : builder.source(new StringReader(text));
        }
        ConversionJsonReader.Builder builder = ConversionJsonReader.builder();
        return bytes ? builder.source(new ByteArrayInputStream(text.getBytes(UTF_8)))
                : builder.source(new StringReader(text));
    }
}
