package org.conversionkit.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.conversionkit.json.CrmFeedReader;
import org.conversionkit.json.JsonForm;
import org.conversionkit.model.ConversionDataException;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.InvalidRecordStrategy;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.validation.FeedValidator;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;

/**
 * A CRM feed is strict NDJSON (issue 14, item 1), at the level of the validators and the typed reader: a line that
 * is not one JSON object is a {@code NOT_NDJSON} error of its own record, and every other line is checked as
 * usual; a conversion file keeps its loose forms.
 */
class StrictFeedTest {

    private static final String N1 = "{\"orderId\":\"N1\",\"createdAt\":\"2020-01-20\",\"updatedAt\":\"2020-01-20\"}\n";
    private static final String N2 = "{\"orderId\":\"N2\",\"createdAt\":\"2020-01-20\",\"updatedAt\":\"2020-01-20\"}\n";
    private static final String N1_AGAIN = N1.replace("\"createdAt\"", "\"status\":\"shipped\",\"createdAt\"");
    /** Each line of the forms that are not NDJSON, between records that are checked as usual. */
    private static final String FEED = N1
            + "{'orderId': 'N3', 'createdAt': '2020-01-20', 'updatedAt': '2020-01-20'}\n"
            + N2.replace("\n", ",\n")
            + "[" + N2.replace("\n", "]\n")
            + N2.replace("\n", " ") + N2
            + "{\n  \"orderId\": \"N4\"\n}\n"
            + N1_AGAIN
            + "{\"orderId\":\"N5\",\"note\":\"it\\'s\",\"createdAt\":\"2020-01-20\",\"updatedAt\":\"2020-01-20\"}\n"
            + N2;

    private static List<String> outcomes(ValidationReport report) {
        List<String> outcomes = new ArrayList<>();
        for (Violation violation : report.violations()) {
            outcomes.add(violation.record() + "@" + violation.line() + ":" + violation.column() + " "
                    + violation.code());
        }
        return outcomes;
    }

    @Test
    void theFeedValidatorCountsEachLineThatIsNotNdjsonAsAnInvalidRecord() {
        CrmFeedReader.Builder reader = CrmFeedReader.builder();
        ValidationReport report;
        try (RecordSource source = reader.source(new ByteArrayInputStream(FEED.getBytes(UTF_8)))) {
            report = FeedValidator.builder().build().validate(source);
        }
        assertThat(outcomes(report)).containsExactly("2@2:2 NOT_NDJSON", "3@3:" + N2.length() + " NOT_NDJSON",
                "4@4:2 NOT_NDJSON", "5@5:" + (N2.length() + 1) + " NOT_NDJSON", "6@6:2 NOT_NDJSON",
                "7@7:12 NOT_NDJSON", "8@8:1 NOT_NDJSON", "9@9:0 DUPLICATE_RECORD", "10@10:28 NOT_NDJSON");
        // N2's lines before were rejected: the last line holds its first record.
        assertThat(report.records()).isEqualTo(11);
        assertThat(report.validRecords()).isEqualTo(2);
        assertThat(report.invalidRecords()).isEqualTo(9);
        assertThat(report.valid()).isFalse();
        assertThat(report.violations().get(0).message()).contains("a single quote", "NDJSON");

        try (RecordSource source = reader.source(new StringReader(FEED))) {
            assertThat(FeedValidator.builder().build().validate(source)).isEqualTo(report);
        }
    }

    @Test
    void theFileCheckerReadsAFeedStrictlyAndAConversionFileLoosely() {
        String loose = "[{'url': 'https://domain.tld/a', 'date': '2020-09-22'},\n"
                + " {'url': 'https://domain.tld/b', 'date': '2020-09-22'},]\n";
        ValidationReport conversions = FileChecker.builder().build().check("conversion-export-2020-09-22.json",
                new ByteArrayInputStream(loose.getBytes(UTF_8)));
        assertThat(conversions.valid()).isTrue();
        assertThat(conversions.records()).isEqualTo(2);

        FileChecker crm = FileChecker.builder().profile(CrmProfile.DEFAULT).build();
        ValidationReport feed = crm.check("orders.json", new ByteArrayInputStream(loose.getBytes(UTF_8)));
        assertThat(outcomes(feed)).containsExactly("1@1:2 NOT_NDJSON", "2@2:3 NOT_NDJSON");
        assertThat(feed.format()).isEqualTo("json");

        ValidationReport same = crm.check("orders.ndjson", new ByteArrayInputStream(FEED.getBytes(UTF_8)));
        assertThat(outcomes(same)).hasSize(9);
        assertThat(same.invalidRecords()).isEqualTo(9);
    }

    @Test
    void theTypedReaderDeliversTheRecordsOfTheGoodLines() {
        try (CrmFeedReader reader = CrmFeedReader.builder().invalidRecords(InvalidRecordStrategy.SKIP)
                .build(new ByteArrayInputStream(FEED.getBytes(UTF_8)))) {
            assertThat(reader.form()).isEqualTo(JsonForm.NDJSON);
            assertThat(reader.stream().map(CrmRecord::id).toList()).containsExactly("N1", "N2");
            assertThat(reader.recordsRead()).isEqualTo(11);
            assertThat(reader.recordsSkipped()).isEqualTo(9);
        }
        try (CrmFeedReader reader = CrmFeedReader.builder().build(new ByteArrayInputStream(FEED.getBytes(UTF_8)))) {
            assertThat(reader.iterator().next().id()).isEqualTo("N1");
            try {
                reader.iterator().hasNext();
                throw new AssertionError("the second line is not NDJSON");
            } catch (ConversionDataException e) {
                assertThat(e.code()).isEqualTo(ViolationCode.NOT_NDJSON);
                assertThat(e.line()).isEqualTo(2);
            }
        }
    }
}
