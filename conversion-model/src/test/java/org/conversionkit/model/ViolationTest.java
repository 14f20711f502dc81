package org.conversionkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ViolationTest {

    static List<SpecCase> codes() {
        return Spec.load("model/violation-codes.json").cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codes")
    void codesHaveTheDesignsDefaultSeverity(SpecCase c) {
        ViolationCode violationCode = ViolationCode.valueOf(c.get("input").text());
        String severity = c.expect().only("severity").text("severity");
        assertThat(violationCode.defaultSeverity()).isEqualTo(Severity.valueOf(severity));
        assertThat(violationCode.summary()).isNotBlank();
        assertThat(Violation.of(violationCode, 1, 1, null, null, "m").severity()).isEqualTo(Severity.valueOf(severity));
    }

    @Test
    void theCatalogueHoldsExactlyTheDesignsCodes() {
        assertThat(Stream.of(ViolationCode.values()).map(Enum::name))
                .containsExactlyElementsOf(codes().stream().map(c -> c.get("input").text()).toList());
    }

    static Stream<Integer> lengths() {
        return IntStream.of(0, 1, 199, 200, 201, 202, 1_000, 1_000_000).boxed();
    }

    @ParameterizedTest(name = "{0} characters")
    @MethodSource("lengths")
    void shortensLongValuesTo200Characters(int length) {
        String value = "a".repeat(length);
        String shortened = Violation.shorten(value);
        if (length <= Violation.MAX_VALUE_LENGTH) {
            assertThat(shortened).isSameAs(value);
        } else {
            assertThat(shortened).hasSize(Violation.MAX_VALUE_LENGTH).endsWith("\u2026")
                    .startsWith("a".repeat(Violation.MAX_VALUE_LENGTH - 1));
        }
        assertThat(Violation.of(ViolationCode.URL_INVALID, 1, 1, "url", value, "m").value()).isEqualTo(shortened);
    }

    static Stream<Integer> pairPositions() {
        return IntStream.rangeClosed(190, 205).boxed();
    }

    @ParameterizedTest(name = "pair at {0}")
    @MethodSource("pairPositions")
    void neverSplitsASurrogatePair(int position) {
        String value = "a".repeat(position) + "\uD83D\uDE00" + "b".repeat(300);
        String shortened = Violation.shorten(value);
        assertThat(shortened.length()).isLessThanOrEqualTo(Violation.MAX_VALUE_LENGTH);
        assertThat(shortened).endsWith("\u2026");
        String kept = shortened.substring(0, shortened.length() - 1);
        assertThat(value).startsWith(kept);
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
        assertThat(kept.codePoints()).noneMatch(cp -> Character.getType(cp) == Character.SURROGATE);
        assertThat(kept.length()).isGreaterThanOrEqualTo(Violation.MAX_VALUE_LENGTH - 2);
    }

    @Test
    void checksItsArguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> Violation.of(ViolationCode.URL_INVALID, -1, 1, null,
                null, "m"));
        assertThatIllegalArgumentException().isThrownBy(() -> Violation.of(ViolationCode.URL_INVALID, 1, -1, null,
                null, "m"));
        assertThatNullPointerException().isThrownBy(() -> Violation.of(null, 1, 1, null, null, "m"));
        assertThatNullPointerException().isThrownBy(() -> Violation.of(ViolationCode.URL_INVALID, 1, 1, null, null,
                null));
    }

    @Test
    void changesSeverityForStrictMode() {
        Violation warning = Violation.of(ViolationCode.URL_NO_SCHEME, 3, 2, "url", "domain.tld/p", "m");
        assertThat(warning.isError()).isFalse();
        Violation error = warning.withSeverity(Severity.ERROR);
        assertThat(error.isError()).isTrue();
        assertThat(error).isEqualTo(new Violation(ViolationCode.URL_NO_SCHEME, Severity.ERROR, 3, 0, 2, "url",
                "domain.tld/p", "m"));
        assertThat(warning.withSeverity(Severity.WARNING)).isSameAs(warning);
        Violation file = Violation.ofFile(ViolationCode.EMPTY_FILE, "f.csv", "m");
        assertThat(file.line()).isZero();
        assertThat(file.record()).isZero();
        assertThat(file.field()).isNull();
    }
}
