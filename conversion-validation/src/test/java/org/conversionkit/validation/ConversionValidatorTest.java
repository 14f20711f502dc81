package org.conversionkit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.Field;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.model.FileNameRule;
import org.conversionkit.model.FileProfile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Strictness;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What the fixture cases do not show: typed rows, arguments, the source's life cycle. */
class ConversionValidatorTest {

    private static RawRecord row(long n, @Nullable String url, @Nullable String date, @Nullable String channel,
            @Nullable String transactions, @Nullable String revenue) {
        return RawRecord.ofText(n, n, new String[] {url, date, channel, null, transactions, revenue}, List.of());
    }

    @Test
    void deliversTypedRowsWithDefaultsApplied() {
        ConversionProfile profile = ConversionProfile.builder()
                .defaults(FieldDefaults.NONE.with(Field.CHANNEL, "organic").with(Field.DEVICE, "desktop")).build();
        List<ConversionRow> rows = new ArrayList<>();
        ValidationReport report = ConversionValidator.builder().build().validate(InMemorySource.csv(List.of(
                row(1, "https://domain.tld", "2020-09-22", null, "1", "10.0"),
                row(2, "https://domain.tld/path", "2020-09-21", "social", "2", "20.0"),
                row(3, "https://domain.tld/path", "2020-09-22", "social", "+3", "-30.5")))
                .named("conversion-export-2020-09-22.csv").with(profile), rows::add);
        LocalDate day = LocalDate.of(2020, 9, 22);
        assertThat(rows).containsExactly(
                new ConversionRow("https://domain.tld", day, "organic", "desktop", 1L, new BigDecimal("10.0")),
                new ConversionRow("https://domain.tld/path", day, "social", "desktop", 3L, new BigDecimal("-30.5")));
        assertThat(report.validRecords()).isEqualTo(2);
        assertThat(report.warnings()).isEqualTo(1);
    }

    @Test
    void aRowWithAWarningIsNotDeliveredInStrictMode() {
        List<ConversionRow> rows = new ArrayList<>();
        ConversionValidator.builder().build().validate(InMemorySource.csv(List.of(
                row(1, "domain.tld/a", "2020-09-22", null, null, null),
                row(2, "https://domain.tld/b", "2020-09-22", null, null, null)))
                .with(ConversionProfile.builder().strictness(Strictness.STRICT).build()), rows::add);
        assertThat(rows).extracting(ConversionRow::url).containsExactly("https://domain.tld/b");
    }

    @Test
    void readsTheSourceToItsEndAndLeavesItOpen() {
        InMemorySource source = InMemorySource.csv(List.of(row(1, "https://domain.tld", "2020-09-22", null, null, null),
                row(2, "https://domain.tld", "2020-09-22", null, null, null)));
        ValidationReport report = ConversionValidator.builder().build()
                .validate(source.named("conversion-export-2020-09-22.csv"));
        assertThat(source.read()).isEqualTo(2);
        assertThat(source.isClosed()).isFalse();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void aSourceWithoutANameIsNamedLikeStandardInputAndHasNoNameRule() {
        ConversionValidator validator = ConversionValidator.builder().build();
        ConversionProfile dated = ConversionProfile.builder().date(LocalDate.of(2020, 9, 22)).build();
        ValidationReport unnamed = validator.validate(InMemorySource.csv(List.of()).with(dated));
        assertThat(unnamed.file()).isEqualTo("-");
        assertThat(unnamed.date()).isEqualTo(LocalDate.of(2020, 9, 22));
        assertThat(unnamed.violations()).extracting(v -> v.code()).containsExactly(ViolationCode.EMPTY_FILE);
        assertThat(validator.validate(InMemorySource.csv(List.of()).named("dir/conversion-export-2020-09-22.csv"))
                .file()).isEqualTo("dir/conversion-export-2020-09-22.csv");
    }

    @Test
    void theFileNameRuleCanBeTurnedOff() {
        ConversionValidator validator = ConversionValidator.builder().build();
        RawRecord record = row(1, "https://domain.tld", "2020-09-22", null, null, null);
        ValidationReport checked = validator.validate(InMemorySource.csv(List.of(record)).named("export.csv"));
        assertThat(checked.violations()).extracting(v -> v.code()).containsExactly(ViolationCode.FILENAME_NO_DATE);
        ValidationReport ignored = validator.validate(InMemorySource.csv(List.of(record)).named("export.csv")
                .with(ConversionProfile.builder().fileNames(FileNameRule.IGNORE).build()));
        assertThat(ignored.violations()).isEmpty();
        assertThat(ignored.date()).isNull();
        assertThat(ignored.file()).isEqualTo("export.csv");
        // Ignored, a name's date holds no row either: only the profile's date does.
        ValidationReport dated = validator.validate(InMemorySource.csv(List.of(record))
                .named("conversion-export-2020-09-21.csv")
                .with(ConversionProfile.builder().fileNames(FileNameRule.IGNORE).build()));
        assertThat(dated.valid()).isTrue();
        assertThat(dated.date()).isNull();
    }

    @Test
    void refusesASourceOfAnotherProfile() {
        InMemorySource crm = InMemorySource.csv(List.of()).with(CrmProfile.DEFAULT);
        assertThatThrownBy(() -> ConversionValidator.builder().build().validate(crm))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("profile crm").hasMessageContaining("FeedValidator");
        assertThat(crm.read()).isZero();
    }

    @Test
    void anInputThatFailsPartOfTheWayKeepsWhatWasReadAndSaysWhy() {
        RecordSource failing = new RecordSource() {
            private int calls;

            @Override
            public @Nullable RawRecord next() {
                if (calls++ == 0) {
                    return row(1, "https://domain.tld", "2020-09-22", null, null, null);
                }
                throw new UncheckedIOException(new IOException("disk error"));
            }

            @Override
            public long blankLines() {
                return 0;
            }

            @Override
            public String format() {
                return "csv";
            }

            @Override
            public Optional<String> delimiter() {
                return Optional.of(",");
            }

            @Override
            public FileProfile profile() {
                return ConversionProfile.DEFAULT;
            }

            @Override
            public Optional<String> name() {
                return Optional.of("x-2020-09-22.csv");
            }

            @Override
            public void close() {
            }
        };
        // Even with no violation listed, the one that says the file could not be read is.
        ValidationReport report = ConversionValidator.builder().maxViolations(0).build().validate(failing);
        assertThat(report.records()).isEqualTo(1);
        assertThat(report.validRecords()).isEqualTo(1);
        assertThat(report.valid()).isFalse();
        assertThat(report.unreadableInput()).isTrue();
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(ViolationCode.FILE_UNREADABLE);
            assertThat(v.line()).isZero();
            assertThat(v.message()).contains("reading failed after 1 record (disk error)");
        });
    }

    @Test
    void theValidatorCanBeReusedAndHoldsNoStateBetweenFiles() {
        ConversionValidator validator = ConversionValidator.builder().maxViolations(1).build();
        ValidationReport first = validator.validate(InMemorySource.csv(List.of(
                row(1, "/a", "2020-09-22", null, null, null), row(2, "/b", "2020-09-22", null, null, null)))
                .named("conversion-export-2020-09-22.csv"));
        ValidationReport second = validator.validate(InMemorySource.csv(List.of(
                row(1, "https://domain.tld", "2020-09-23", null, null, null)))
                .named("conversion-export-2020-09-23.csv"));
        assertThat(first.errors()).isEqualTo(2);
        assertThat(second.errors()).isZero();
        assertThat(second.violations()).isEmpty();
        assertThat(second.date()).isEqualTo(LocalDate.of(2020, 9, 23));
    }

    @Test
    void theReportIsUnmodifiableAndItsViolationsAreComplete() {
        ValidationReport report = ConversionValidator.builder().build().validate(
                InMemorySource.csv(List.of(row(7, "https://domain.tld/a", "2020-09-21", null, null, null)))
                        .named("conversion-export-2020-09-22.csv"));
        assertThat(report.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.code()).isEqualTo(ViolationCode.DATE_MISMATCH);
            assertThat(violation.line()).isEqualTo(7);
            assertThat(violation.record()).isEqualTo(7);
            assertThat(violation.field()).isEqualTo("date");
            assertThat(violation.value()).isEqualTo("2020-09-21");
            // The DESIGN's report example; the model's mapper owns the rest of the message.
            assertThat(violation.message()).startsWith("row date 2020-09-21 differs from the file's date 2020-09-22");
        });
        assertThatThrownBy(() -> report.violations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsWrongArgumentsAtOnce() {
        assertThatThrownBy(() -> ConversionValidator.builder().maxViolations(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxViolations");
        ConversionValidator validator = ConversionValidator.builder().build();
        assertThatThrownBy(() -> validator.validate(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> validator.validate(InMemorySource.csv(List.of()), null))
                .isInstanceOf(NullPointerException.class);
    }
}
