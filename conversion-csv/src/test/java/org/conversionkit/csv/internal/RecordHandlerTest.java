package org.conversionkit.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.conversionkit.csv.CsvLimits;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.junit.jupiter.api.Test;

/**
 * The field counter of a CSV record past 2^31 (issue 16, item 10): a record of more fields than an {@code int}
 * counts is a located {@code RECORD_TOO_LARGE}, not an index error. The counter is started near the limit, as
 * 2 GiB of delimiters would be read.
 */
class RecordHandlerTest {

    private static RecordHandler handler() {
        return new RecordHandler(ColumnLayout.DEFAULT, CsvLimits.DEFAULTS, ',');
    }

    private static void field(RecordHandler handler, String value) {
        char[] chars = value.toCharArray();
        handler.addField(chars, 0, chars.length, false);
    }

    private static Violation only(RawRecord record) {
        assertThat(record.isRejected()).isTrue();
        assertThat(record.violations()).hasSize(1);
        return record.violations().get(0);
    }

    @Test
    void aRecordOfMoreFieldsThanAreCountedIsTooLarge() {
        RecordHandler handler = handler();
        handler.beginRecord(7);
        field(handler, "https://domain.tld/a");
        field(handler, "2020-09-22");
        handler.countFieldsFrom(Integer.MAX_VALUE - 2);
        for (int i = 0; i < 5; i++) {
            field(handler, "");
        }
        assertThat(handler.getFieldCount()).as("saturated").isEqualTo(Integer.MAX_VALUE);
        Violation violation = only(handler.buildRecord());
        assertThat(violation.code()).isEqualTo(ViolationCode.RECORD_TOO_LARGE);
        assertThat(violation.line()).isEqualTo(7);
        assertThat(violation.record()).isEqualTo(1);
        assertThat(violation.message()).contains("2,147,483,647 fields or more", "maxFieldsPerRecord is 1,024");

        // The next record is counted afresh.
        handler.beginRecord(8);
        for (String value : new String[] {"https://domain.tld/b", "2020-09-22", "organic", "1", "10.0"}) {
            field(handler, value);
        }
        RawRecord next = handler.buildRecord();
        assertThat(next.isRejected()).isFalse();
        assertThat(next.record()).isEqualTo(2);
    }

    @Test
    void aRecordJustBelowTheCountIsAFieldCountWithItsNumber() {
        RecordHandler handler = handler();
        handler.beginRecord(1);
        field(handler, "https://domain.tld/a");
        handler.countFieldsFrom(Integer.MAX_VALUE - 3);
        field(handler, "");
        field(handler, "");
        Violation violation = only(handler.buildRecord());
        assertThat(violation.code()).isEqualTo(ViolationCode.FIELD_COUNT);
        assertThat(violation.message()).contains("2,147,483,646 fields");
    }
}
