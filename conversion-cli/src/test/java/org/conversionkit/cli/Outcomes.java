package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.validation.ValidationReport;

/**
 * The documented outcomes of reading any input, as the fuzz targets and the bad-input suite hold the
 * readers and validators to them: records numbered from 1 in order, located violations of the codes
 * the format can give, nothing after a violation that ends reading, and counts that add up.
 */
final class Outcomes {

    /** What a CSV conversion file can give, file-level codes included. */
    static final Set<ViolationCode> CSV = EnumSet.of(ViolationCode.ENCODING, ViolationCode.HEADER_ROW,
            ViolationCode.COMMENT_LINE, ViolationCode.FIELD_COUNT, ViolationCode.MALFORMED_CSV,
            ViolationCode.RECORD_TOO_LARGE, ViolationCode.FIELD_MISSING, ViolationCode.FIELD_TYPE,
            ViolationCode.NEGATIVE_VALUE, ViolationCode.URL_RELATIVE, ViolationCode.URL_NO_SCHEME,
            ViolationCode.URL_SCHEME, ViolationCode.URL_INVALID, ViolationCode.DATE_FORMAT,
            ViolationCode.DATE_INVALID, ViolationCode.DATE_MISMATCH, ViolationCode.EMPTY_FILE,
            ViolationCode.FILENAME_NO_DATE, ViolationCode.FILENAME_MULTIPLE_DATES,
            ViolationCode.FILENAME_DATE_INVALID, ViolationCode.DUPLICATE_ROW);

    /** What a JSON conversion file can give. */
    static final Set<ViolationCode> JSON = EnumSet.of(ViolationCode.ENCODING, ViolationCode.MALFORMED_JSON,
            ViolationCode.NOT_AN_OBJECT, ViolationCode.UNKNOWN_FIELD, ViolationCode.RECORD_TOO_LARGE,
            ViolationCode.FIELD_MISSING, ViolationCode.FIELD_TYPE, ViolationCode.NEGATIVE_VALUE,
            ViolationCode.URL_RELATIVE, ViolationCode.URL_NO_SCHEME, ViolationCode.URL_SCHEME,
            ViolationCode.URL_INVALID, ViolationCode.DATE_FORMAT, ViolationCode.DATE_INVALID,
            ViolationCode.DATE_MISMATCH, ViolationCode.EMPTY_FILE, ViolationCode.FILENAME_NO_DATE,
            ViolationCode.FILENAME_MULTIPLE_DATES, ViolationCode.FILENAME_DATE_INVALID, ViolationCode.DUPLICATE_KEY,
            ViolationCode.DUPLICATE_ROW);

    /** What a CRM feed can give. */
    static final Set<ViolationCode> CRM = EnumSet.of(ViolationCode.ENCODING, ViolationCode.MALFORMED_JSON,
            ViolationCode.NOT_AN_OBJECT, ViolationCode.RECORD_TOO_LARGE, ViolationCode.FIELD_MISSING,
            ViolationCode.FIELD_TYPE, ViolationCode.NEGATIVE_VALUE, ViolationCode.DATE_FORMAT,
            ViolationCode.DATE_INVALID, ViolationCode.DATE_MISMATCH, ViolationCode.UPDATED_BEFORE_CREATED,
            ViolationCode.CURRENCY_CODE, ViolationCode.DUPLICATE_RECORD, ViolationCode.EMPTY_FILE,
            ViolationCode.DATE_TIME_SEPARATOR, ViolationCode.DUPLICATE_KEY, ViolationCode.NOT_NDJSON);

    /** The codes after which a reader reads no further record. */
    static final Set<ViolationCode> ENDING = EnumSet.of(ViolationCode.MALFORMED_CSV, ViolationCode.MALFORMED_JSON,
            ViolationCode.ENCODING);

    /** The longest message: a few hundred characters of text and at most two shortened values. */
    static final int MAX_MESSAGE_LENGTH = 1_500;

    private Outcomes() {
    }

    /**
     * Reads a source to its end and checks the records: numbered 1, 2, 3…; lines never going back (strictly
     * forward for CSV, where records cannot share a line); the reader's own violations located on their record,
     * of allowed codes, at or after its line; no record after one that ends reading; {@code null} for good at the
     * end.
     *
     * @return the records read
     */
    static List<RawRecord> readAll(RecordSource source, Set<ViolationCode> allowed, boolean strictLines) {
        List<RawRecord> records = new ArrayList<>();
        long previousLine = 0;
        boolean ended = false;
        for (RawRecord record = source.next(); record != null; record = source.next()) {
            assertThat(ended).as("a record after one that ends reading: %s", record).isFalse();
            assertThat(record.record()).as("record number").isEqualTo(records.size() + 1L);
            assertThat(record.line()).as("line of record %s", record.record()).isPositive();
            if (strictLines) {
                assertThat(record.line()).as("line of record %s", record.record()).isGreaterThan(previousLine);
            } else {
                assertThat(record.line()).as("line of record %s", record.record())
                        .isGreaterThanOrEqualTo(previousLine);
            }
            previousLine = record.line();
            for (Violation violation : record.violations()) {
                checkViolation(violation, allowed);
                assertThat(violation.record()).isEqualTo(record.record());
                assertThat(violation.line()).as("%s", violation).isGreaterThanOrEqualTo(record.line());
                // Text after a closing quote is MALFORMED_CSV of its record alone: reading goes on (issue 13).
                ended |= ENDING.contains(violation.code())
                        && !violation.message().endsWith("reading goes on with the next one");
            }
            if (record.isRejected()) {
                assertThat(record.violations()).as("a rejected record says why").isNotEmpty();
            }
            records.add(record);
        }
        assertThat(source.next()).as("after the end").isNull();
        return records;
    }

    /** Checks one violation: an allowed code, a message, a shortened value, a location. */
    static void checkViolation(Violation violation, Set<ViolationCode> allowed) {
        assertThat(allowed).as("documented code of %s", violation).contains(violation.code());
        assertThat(violation.message()).as("message of %s", violation).isNotBlank();
        // Our words: never a parser's internals (its locations, its features, its class names; issue 13).
        assertThat(violation.message()).as("message of %s", violation).doesNotContain("[Source")
                .doesNotContain("REDACTED").doesNotContain("#UNKNOWN").doesNotContain("`").doesNotContain("Feature")
                .doesNotContainIgnoringCase("jackson").doesNotContain("fastcsv");
        // Messages quote values shortened, at most twice: a report stays small whatever the data holds.
        assertThat(violation.message().length()).as("length of the message of %s", violation)
                .isLessThanOrEqualTo(MAX_MESSAGE_LENGTH);
        if (violation.value() != null) {
            assertThat(violation.value().length()).isLessThanOrEqualTo(Violation.MAX_VALUE_LENGTH);
        }
        assertThat(violation.line()).isNotNegative();
        assertThat(violation.record()).isNotNegative();
        if (violation.record() == 0) {
            assertThat(violation.line()).as("a file-level violation has no line").isZero();
        } else {
            assertThat(violation.line()).as("a record's violation has a line").isPositive();
        }
    }

    /**
     * Checks a validation report against the records a second reading of the same input gave: counts that add
     * up ({@code records == validRecords + invalidRecords}), every record counted, every listed violation of an
     * allowed code.
     */
    static void checkReport(ValidationReport report, List<RawRecord> records, Set<ViolationCode> allowed) {
        assertThat(report.records()).as("records").isEqualTo(records.size());
        assertThat(report.validRecords() + report.invalidRecords()).as("records == valid + invalid")
                .isEqualTo(report.records());
        assertThat(report.valid()).isEqualTo(report.errors() == 0);
        long rejected = records.stream().filter(r -> r.violations().stream().anyMatch(Violation::isError)).count();
        assertThat(report.invalidRecords()).as("a record the reader rejected is invalid")
                .isGreaterThanOrEqualTo(rejected);
        if (!report.truncated()) {
            assertThat(report.violations()).hasSize((int) (report.errors() + report.warnings()));
        }
        for (Violation violation : report.violations()) {
            checkViolation(violation, allowed);
        }
        if (records.isEmpty()) {
            assertThat(report.violations()).extracting(Violation::code).contains(ViolationCode.EMPTY_FILE);
        }
    }

    /** Runs a check that may only fail with one of the documented exceptions; returns it, or null. */
    static <T> T orDocumented(Supplier<T> action, Class<? extends RuntimeException> documented) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            if (documented.isInstance(e)) {
                return null;
            }
            throw e;
        }
    }
}
