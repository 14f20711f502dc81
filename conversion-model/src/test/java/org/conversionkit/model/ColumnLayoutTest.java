package org.conversionkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ColumnLayoutTest {

    static List<SpecCase> cases() {
        return Spec.load("model/column-layouts.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesLayouts(SpecCase c) {
        String spec = c.get("input").text();
        Node expect = c.expect().only("layout", "error");
        if (expect.has("error")) {
            assertThatIllegalArgumentException().isThrownBy(() -> ColumnLayout.parse(spec))
                    .withMessageContaining(expect.text("error"));
            return;
        }
        String expected = expect.text("layout");
        ColumnLayout layout = ColumnLayout.parse(spec);
        assertThat(layout.spec()).isEqualTo(expected);
        assertThat(layout.toString()).isEqualTo(expected);
        assertThat(ColumnLayout.parse(layout.spec())).isEqualTo(layout).hasSameHashCodeAs(layout);
        String[] columns = expected.split(",");
        assertThat(layout.size()).isEqualTo(columns.length);
        for (int i = 0; i < columns.length; i++) {
            Field field = layout.field(i);
            if (columns[i].equals(ColumnLayout.SKIP)) {
                assertThat(field).isNull();
            } else {
                assertThat(field.fieldName()).isEqualTo(columns[i]);
                assertThat(layout.indexOf(field)).isEqualTo(i);
                assertThat(layout.contains(field)).isTrue();
            }
        }
        for (Field field : Field.values()) {
            assertThat(layout.contains(field)).isEqualTo(List.of(columns).contains(field.fieldName()));
        }
    }

    @Test
    void theDefaultIsTheSourceDocumentsOrder() {
        assertThat(ColumnLayout.DEFAULT.spec()).isEqualTo("url,date,channel,transactions,revenue");
        assertThat(ColumnLayout.DEFAULT.indexOf(Field.DEVICE)).isEqualTo(-1);
        assertThat(ColumnLayout.DEFAULT).isEqualTo(ColumnLayout.of(Field.URL, Field.DATE, Field.CHANNEL,
                Field.TRANSACTIONS, Field.REVENUE));
    }

    @Test
    void ofChecksLikeParse() {
        assertThatIllegalArgumentException().isThrownBy(() -> ColumnLayout.of(Field.URL, Field.URL, Field.DATE))
                .withMessageContaining("twice");
        assertThatIllegalArgumentException().isThrownBy(ColumnLayout::of).withMessageContaining("'url'");
        assertThatNullPointerException().isThrownBy(() -> ColumnLayout.of(Field.URL, null, Field.DATE))
                .withMessageContaining("parse");
        Field[] fields = {Field.URL, Field.DATE};
        ColumnLayout layout = ColumnLayout.of(fields);
        fields[0] = Field.CHANNEL;
        assertThat(layout.field(0)).isEqualTo(Field.URL);
    }
}
