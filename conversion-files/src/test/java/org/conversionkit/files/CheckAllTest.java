package org.conversionkit.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileChecker#checkAll}: many files on several threads, the reports those of one at a time, in order. */
class CheckAllTest {

    @Test
    void theReportsAreThoseOfOneAtATimeInTheFilesOrder(@TempDir Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int day = 1; day <= 25; day++) {
            String date = String.format(java.util.Locale.ROOT, "2020-09-%02d", day);
            Path file = dir.resolve("conversion-export-" + date + ".csv");
            if (day % 5 != 0) {
                Files.writeString(file, ("https://domain.tld/a," + date + ",organic,1,10.0\n").repeat(day)
                        + (day % 2 == 0 ? "/relative," + date + ",,,\n" : ""));
            }
            // Every fifth file is missing: it keeps its place, as a report that says so.
            files.add(file);
        }
        FileChecker checker = FileChecker.builder().build();
        List<ValidationReport> one = new ArrayList<>();
        for (Path file : files) {
            one.add(checker.check(file));
        }
        for (int jobs : new int[] {1, 2, 7, 64}) {
            assertThat(checker.checkAll(files, jobs)).as("%d jobs", jobs).isEqualTo(one);
        }
        assertThat(one).filteredOn(ValidationReport::unreadableInput).hasSize(5);
        assertThatThrownBy(() -> checker.checkAll(files, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileThatDoesNotFitTheProfileStopsTheWhole(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("feed.csv"), "a,b\n");
        Path feed = Files.writeString(dir.resolve("feed.ndjson"), "{}\n");
        FileChecker crm = FileChecker.builder().profile(CrmProfile.DEFAULT).build();
        assertThatThrownBy(() -> crm.checkAll(List.of(feed, csv, feed), 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feed.csv reads as CSV");
    }
}
