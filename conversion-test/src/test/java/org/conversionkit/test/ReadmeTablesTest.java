package org.conversionkit.test;

import static org.conversionkit.test.ConversionAssertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.conversionkit.model.CrmField;
import org.conversionkit.model.FeedMode;
import org.junit.jupiter.api.Test;

/**
 * The README's tables of injectable mistakes say what the enums say: every mistake, in order, with its code, severity,
 * field and where it can be written. (What each mistake produces is held to the validator by the fixtures' tests.)
 */
class ReadmeTablesTest {

    private static final Path README = Path.of("../README.md");

    @Test
    void theExportMistakesTable() throws IOException {
        List<String[]> rows = table("| `ExportMistake` |");
        assertThat(rows).extracting(row -> row[0]).containsExactlyElementsOf(
                Arrays.stream(ExportMistake.values()).map(mistake -> "`" + mistake + "`").toList());
        for (String[] row : rows) {
            ExportMistake mistake = ExportMistake.valueOf(row[0].replace("`", ""));
            assertThat(row[2]).as("%s", mistake).isEqualTo("`" + mistake.code() + "`");
            assertThat(row[3]).as("%s", mistake).isEqualTo(mistake.severity().label());
            assertThat(row[4]).as("%s", mistake).isEqualTo(mistake.field() == null ? "" : "`" + mistake.field() + "`");
            assertThat(row[5]).as("%s", mistake).isEqualTo(mistake.csvOnly() ? "CSV only" : "");
        }
    }

    @Test
    void theCrmMistakesTable() throws IOException {
        List<String[]> rows = table("| `CrmMistake` |");
        assertThat(rows).extracting(row -> row[0]).containsExactlyElementsOf(
                Arrays.stream(CrmMistake.values()).map(mistake -> "`" + mistake + "`").toList());
        for (String[] row : rows) {
            CrmMistake mistake = CrmMistake.valueOf(row[0].replace("`", ""));
            assertThat(row[1].contains("daily feeds only")).as("%s", mistake).isEqualTo(mistake.dailyOnly());
            assertThat(row[2]).as("%s", mistake).isEqualTo("`" + mistake.code() + "`");
            String snapshot = mistake.severityIn(FeedMode.SNAPSHOT).label();
            String daily = mistake.severityIn(FeedMode.DAILY).label();
            assertThat(row[3]).as("%s", mistake)
                    .isEqualTo(snapshot.equals(daily) ? daily : snapshot + "; " + daily + " in a daily feed");
            assertThat(row[4]).as("%s", mistake).isEqualTo(mistake.field() == CrmField.ID ? "the id field"
                    : "`" + mistake.field().defaultName() + "`");
        }
    }

    /** The rows of the table whose header starts so, each split into its trimmed cells. */
    private static List<String[]> table(String header) throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(header)) {
                start = i + 2;
            }
        }
        assertThat(start).as("README has the table %s", header).isPositive();
        List<String[]> rows = new ArrayList<>();
        for (int i = start; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i);
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
            }
            rows.add(cells);
        }
        return rows;
    }
}
