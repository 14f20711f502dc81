package org.conversionkit.test;

import static org.conversionkit.test.ConversionAssertions.assertThat;
import static org.conversionkit.test.ConversionAssertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.conversionkit.files.FileChecker;
import org.conversionkit.files.TypedRows;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.CrmRecord;
import org.conversionkit.model.FeedMode;
import org.conversionkit.model.Severity;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A CRM feed written by the fixture, daily or snapshot: reproducible from its seed, valid without mistakes, and
 * each mistake giving exactly its documented violation, through the writer's report and through
 * {@link FileChecker}.
 */
class CrmFeedFixtureTest {

    private static final LocalDate DAY = LocalDate.of(2020, 1, 20);

    /** Daily and snapshot feeds, dates as written and in zones on either side of UTC, plain and gzip. */
    static Stream<Arguments> feeds() {
        return Stream.of(Arguments.of("daily", null, false), Arguments.of("daily", "Europe/Paris", true),
                Arguments.of("daily", "America/Los_Angeles", false), Arguments.of("daily", "Pacific/Kiritimati", false),
                Arguments.of("snapshot", null, true), Arguments.of("snapshot", "Asia/Tokyo", false));
    }

    private static CrmFeedFixture feed(String mode, String zone, boolean gzip) {
        CrmFeedFixture fixture = (mode.equals("daily") ? CrmFeedFixture.daily(DAY) : CrmFeedFixture.snapshot(DAY))
                .gzip(gzip);
        return zone == null ? fixture : fixture.feedZone(ZoneId.of(zone));
    }

    @ParameterizedTest(name = "{0} zone={1} gzip={2}")
    @MethodSource("feeds")
    void withoutMistakesTheFeedIsValidAndReadsBackAsWritten(String mode, String zone, boolean gzip,
            @TempDir Path folder) throws IOException {
        WrittenFeed feed = feed(mode, zone, gzip).records(150).seed(4).writeTo(folder);
        assertThat(feed.path()).hasFileName((mode.equals("daily") ? "crm-feed-" : "crm-snapshot-") + "2020-01-20.ndjson"
                + (gzip ? ".gz" : "")).isValidCrmFeed(feed.profile());
        assertThat(feed.report()).isValid().hasNoViolations().hasRecords(150);
        assertThat(feed.profile().mode()).isEqualTo(mode.equals("daily") ? FeedMode.DAILY : FeedMode.SNAPSHOT);
        assertThat(feed.profile().feedZone()).isEqualTo(zone == null ? null : ZoneId.of(zone));
        assertThat(feed.path()).checkedAsCrmFeed(feed.profile()).hasNoViolations().hasRecords(150);
        assertThat(readRecords(feed)).isEqualTo(feed.records());
        assertThat(feed.records().stream().map(CrmRecord::id).distinct()).hasSize(150);
        for (CrmRecord record : feed.records()) {
            assertThat(record.createdAt().isBefore(record.updatedAt())).isTrue();
            if (mode.equals("daily")) {
                assertThat(zone == null ? record.updatedAt().date() : record.updatedAt().dateIn(ZoneId.of(zone)))
                        .isEqualTo(DAY);
            } else {
                assertThat(record.updatedAt().date()).isBetween(DAY.minusDays(30), DAY);
            }
        }
    }

    @Test
    void theSameSeedWritesTheSameBytesAndTheRecordsDoNotDependOnTheMistakes(@TempDir Path folder) throws IOException {
        CrmMistake[] mistakes = {CrmMistake.DUPLICATE_ID, CrmMistake.MISSING_ID};
        WrittenFeed first = CrmFeedFixture.daily(DAY).records(40).seed(8).mistakes(mistakes)
                .writeTo(Files.createDirectory(folder.resolve("a")));
        WrittenFeed again = CrmFeedFixture.daily(DAY).records(40).seed(8).mistakes(mistakes)
                .writeTo(Files.createDirectory(folder.resolve("b")));
        WrittenFeed other = CrmFeedFixture.daily(DAY).records(40).seed(9).mistakes(mistakes)
                .writeTo(Files.createDirectory(folder.resolve("c")));
        WrittenFeed plain = CrmFeedFixture.daily(DAY).records(40).seed(8)
                .writeTo(Files.createDirectory(folder.resolve("d")));
        assertThat(Files.readAllBytes(again.path())).isEqualTo(Files.readAllBytes(first.path()));
        assertThat(Files.readAllBytes(other.path())).isNotEqualTo(Files.readAllBytes(first.path()));
        assertThat(plain.records()).isEqualTo(first.records());
    }

    /** Every mistake in a daily and a snapshot feed (daily only where it needs a day), with another id field. */
    static Stream<Arguments> mistakes() {
        List<Arguments> cases = new ArrayList<>();
        for (CrmMistake mistake : CrmMistake.values()) {
            cases.add(Arguments.of(mistake, "daily", null));
            cases.add(Arguments.of(mistake, "daily", "Europe/Paris"));
            if (!mistake.dailyOnly()) {
                cases.add(Arguments.of(mistake, "snapshot", null));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} in a {1} feed, zone {2}")
    @MethodSource("mistakes")
    void eachMistakeGivesExactlyItsDocumentedViolation(CrmMistake mistake, String mode, String zone,
            @TempDir Path folder) throws IOException {
        WrittenFeed feed = feed(mode, zone, false).idField("leadId").records(20).seed(mistake.ordinal())
                .mistakes(mistake).writeTo(folder);
        long line = feed.lineOf(mistake);
        Severity severity = mistake.severityIn(feed.profile().mode());
        boolean error = severity == Severity.ERROR;
        ValidationReport checked = FileChecker.builder().profile(feed.profile()).build().check(feed.path());
        for (ValidationReport report : List.of(feed.report(), checked)) {
            assertThat(report).hasRecords(21).hasViolationCodes(mistake.code()).hasErrors(error ? 1 : 0)
                    .hasWarnings(error ? 0 : 1).hasViolation(mistake.code()).atLine(line).atRecord(line)
                    .withSeverity(severity).onField(feed.profile().nameOf(mistake.field()));
        }
        assertThat(feed.recordCount()).isEqualTo(21);
    }

    @Test
    void allMistakesAtOnceEachInItsPlace(@TempDir Path folder) throws IOException {
        WrittenFeed feed = CrmFeedFixture.daily(DAY).records(40).seed(2).mistakes(CrmMistake.values())
                .writeTo(folder);
        List<CrmMistake> inOrder = new ArrayList<>(Arrays.asList(CrmMistake.values()));
        inOrder.sort(Comparator.comparingLong(feed::lineOf));
        ValidationReport report = FileChecker.builder().profile(feed.profile()).build().check(feed.path());
        assertThat(report).hasRecords(40 + CrmMistake.values().length)
                .hasViolationCodes(inOrder.stream().map(CrmMistake::code).toArray(ViolationCode[]::new));
        assertThat(report.violations()).extracting(violation -> violation.line())
                .containsExactlyElementsOf(inOrder.stream().map(feed::lineOf).toList());
    }

    @Test
    void whatCannotBeWrittenIsRefused(@TempDir Path folder) throws IOException {
        assertThatThrownBy(() -> CrmFeedFixture.snapshot(DAY).mistakes(CrmMistake.UPDATED_ON_ANOTHER_DAY)
                .writeTo(folder)).isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a daily feed");
        assertThatThrownBy(() -> CrmFeedFixture.daily(DAY).records(0).mistakes(CrmMistake.DUPLICATE_ID)
                .writeTo(folder)).isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> CrmFeedFixture.daily(DAY).idField("currency"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(folder).isEmptyDirectory();
        CrmFeedFixture.daily(DAY).writeTo(folder);
        assertThatThrownBy(() -> CrmFeedFixture.daily(DAY).writeTo(folder))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(CrmFeedFixture.snapshot(DAY).records(0).writeTo(folder).report())
                .hasViolationCodes(ViolationCode.EMPTY_FILE);
    }

    /**
     * A null mistake is refused by its place in the arguments, and leaves the mistakes set before as they were; a
     * null mode has no severity.
     */
    @Test
    void aNullMistakeOrModeIsRefusedByName(@TempDir Path folder) throws IOException {
        CrmFeedFixture fixture = CrmFeedFixture.daily(DAY).records(5).mistakes(CrmMistake.BAD_CURRENCY);
        assertThatThrownBy(() -> fixture.mistakes(CrmMistake.MISSING_ID, null))
                .isInstanceOf(NullPointerException.class).hasMessage("mistakes[1]");
        assertThat(fixture.writeTo(folder).mistakes()).containsOnlyKeys(CrmMistake.BAD_CURRENCY);
        assertThatThrownBy(() -> CrmMistake.DUPLICATE_ID.severityIn(null))
                .isInstanceOf(NullPointerException.class).hasMessage("mode");
    }

    @Test
    void theProfileIsTheOneTheFeedIsWrittenBy() {
        assertThat(CrmFeedFixture.daily(DAY).idField("leadId").feedZone(ZoneId.of("UTC")).profile())
                .isEqualTo(CrmProfile.builder().idField("leadId").dailyFeed(DAY).feedZone(ZoneId.of("UTC")).build());
        assertThat(CrmFeedFixture.snapshot(DAY).profile()).isEqualTo(CrmProfile.DEFAULT);
    }

    private static List<CrmRecord> readRecords(WrittenFeed feed) throws IOException {
        List<CrmRecord> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(feed.path());
                TypedRows<CrmRecord> typed = FileChecker.builder().profile(feed.profile()).build()
                        .crmRecords(feed.path().toString(), in)) {
            typed.forEach(records::add);
        }
        return records;
    }
}
