package org.conversionkit.model.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TableNameTest {

    static List<SpecCase> cases() {
        return Spec.load("feed/table-names.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checksEveryCase(SpecCase c) {
        String name = c.get("input").text();
        Node expect = c.expect().only("valid", "error");
        if (expect.has("error")) {
            String message = expect.text("error");
            assertThatIllegalArgumentException().isThrownBy(() -> TableName.parse(name))
                    .withMessageContaining(message);
            return;
        }
        assertThat(expect.get("valid").bool()).isTrue();
        TableName table = TableName.parse(name);
        assertThat(table).hasToString(name);
        assertThat(new TableName(table.project(), table.dataset(), table.table())).isEqualTo(table);
        assertThat(table.project() + "." + table.dataset() + "." + table.table()).isEqualTo(name);
    }

    @Test
    void partitionsByDateAsTheDocumentShows() {
        TableName table = TableName.parse("example-project.dataset_name.destination_table_name");
        assertThat(table.forDate(LocalDate.of(2020, 1, 20)))
                .hasToString("example-project.dataset_name.destination_table_name_20200120")
                .isEqualTo(new TableName("example-project", "dataset_name", "destination_table_name_20200120"));
        assertThat(table.forDate(LocalDate.of(1, 2, 3)).table()).isEqualTo("destination_table_name_00010203");
        assertThatIllegalArgumentException().isThrownBy(() -> table.forDate(LocalDate.of(10000, 1, 1)))
                .withMessageContaining("four digits");
    }

    @Test
    void countsTableLengthInUtf8Bytes() {
        assertThat(new TableName("my-project", "d", "a".repeat(1024)).table()).hasSize(1024);
        assertThatIllegalArgumentException().isThrownBy(() -> new TableName("my-project", "d", "a".repeat(1025)))
                .withMessageContaining("1025 UTF-8 bytes").withMessageContaining("1 to 1024");
        String hindi = "ह".repeat(341);
        assertThat(hindi.getBytes(StandardCharsets.UTF_8)).hasSize(1023);
        assertThat(new TableName("my-project", "d", hindi).table()).isEqualTo(hindi);
        assertThatIllegalArgumentException().isThrownBy(() -> new TableName("my-project", "d", hindi + "ह"))
                .withMessageContaining("1026 UTF-8 bytes");
        String emojiFree = "\uD835\uDC00".repeat(256);
        assertThat(new TableName("my-project", "d", emojiFree).table()).hasSize(512);
        assertThatIllegalArgumentException().isThrownBy(() -> new TableName("my-project", "d", emojiFree + "a"))
                .withMessageContaining("1025 UTF-8 bytes");
    }

    @Test
    void theDateSuffixMustStillFit() {
        TableName fits = new TableName("my-project", "d", "a".repeat(1015));
        assertThat(fits.forDate(LocalDate.of(2020, 1, 20)).table()).hasSize(1024);
        TableName tooLong = new TableName("my-project", "d", "a".repeat(1016));
        assertThatIllegalArgumentException().isThrownBy(() -> tooLong.forDate(LocalDate.of(2020, 1, 20)))
                .withMessageContaining("1025 UTF-8 bytes")
                .withMessageContaining("the suffix _20200120 of the table of 2020-01-20")
                .withMessageContaining("at most 1015 UTF-8 bytes");
        // A name that fits on its own, of letters of two bytes: the message is about the suffix, not the name.
        TableName accented = new TableName("my-project", "d", "é".repeat(508));
        assertThatIllegalArgumentException().isThrownBy(() -> accented.forDate(LocalDate.of(2020, 1, 20)))
                .withMessageContaining("1025 UTF-8 bytes").withMessageContaining("1016 bytes");
    }

    @Test
    void boundsDatasetNames() {
        assertThat(new TableName("my-project", "d".repeat(1024), "t").dataset()).hasSize(1024);
        assertThatIllegalArgumentException().isThrownBy(() -> new TableName("my-project", "d".repeat(1025), "t"))
                .withMessageContaining("has 1025 characters");
    }

    @Test
    void refusesNull() {
        assertThatNullPointerException().isThrownBy(() -> TableName.parse(null));
        assertThatNullPointerException().isThrownBy(() -> new TableName(null, "d", "t"));
    }
}
