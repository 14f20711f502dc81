package org.conversionkit.validation.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.conversionkit.model.rules.DateRule;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.conversionkit.validation.BeanValidation;
import org.conversionkit.validation.internal.constraints.AbsoluteHttpUrlValidator;
import org.conversionkit.validation.internal.constraints.CurrencyCodeValidator;
import org.conversionkit.validation.internal.constraints.IsoDateTimeValidator;
import org.conversionkit.validation.internal.constraints.IsoDateValidator;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the cases of {@code spec/constraints.json} against each constraint validator directly and
 * through a real Hibernate Validator, and checks what the messages make of text from the data.
 */
class ConstraintCasesTest {

    /** The bean the cases are checked on; one property per constraint configuration. */
    static final class Bean {
        @IsoDate
        @Nullable String date;
        @AbsoluteHttpUrl
        @Nullable String url;
        @AbsoluteHttpUrl(scheme = AbsoluteHttpUrl.Scheme.OPTIONAL)
        @Nullable String urlOrHost;
        @IsoDateTime
        @Nullable String dateTime;
        @IsoDateTime(offset = IsoDateTime.Offset.REQUIRED)
        @Nullable String instant;
        @CurrencyCode
        @Nullable String currency;
        @CurrencyCode(anyOf = {"USD", "EUR"})
        @Nullable String euroOrDollar;
        List<@IsoDate String> dates = List.of();
    }

    /** A bean whose constraint is misconfigured. */
    static final class Misconfigured {
        @CurrencyCode(anyOf = {"EUR", "EURO"})
        String currency = "EUR";
    }

    /** A bean whose messages are its own, with the parameters in them. */
    static final class OwnMessage {
        @IsoDate(message = "day [{code}] {reason}")
        String day = "2020-9-22";
    }

    record Case(String property, @Nullable String value, String expected) {
        @Override
        public String toString() {
            return property + " '" + value + "' -> " + expected;
        }
    }

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void start() {
        factory = BeanValidation.buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    /** The cases of {@code spec/constraints.json}: a property of {@link Bean}, a value, the verdict. */
    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (SpecCase c : Spec.load("constraints.json").cases()) {
            c.node().only("id", "why", "section", "options", "input", "expect");
            cases.add(new Case(c.options().only("property").text("property"), c.get("input").textOrNull(),
                    c.expect().text()));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theValidatorAloneGivesTheRulesVerdict(Case c) throws ReflectiveOperationException {
        Annotation annotation = Bean.class.getDeclaredField(c.property).getDeclaredAnnotations()[0];
        ConstraintValidator<Annotation, CharSequence> constraintValidator = validatorFor(annotation);
        constraintValidator.initialize(annotation);
        RecordingContext recording = new RecordingContext();
        boolean valid = constraintValidator.isValid(c.value, recording.context());
        if (c.expected.equals("VALID")) {
            assertThat(valid).isTrue();
            assertThat(recording.parameters).isEmpty();
        } else {
            assertThat(valid).isFalse();
            assertThat(recording.parameters).containsOnlyKeys("reason", "code").containsEntry("code", c.expected);
            assertThat((String) recording.parameters.get("reason")).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hibernateValidatorGivesTheSameVerdictAndTheRulesReason(Case c) throws ReflectiveOperationException {
        Set<ConstraintViolation<Bean>> violations = validator.validateValue(Bean.class, c.property, c.value);
        if (c.expected.equals("VALID")) {
            assertThat(violations).isEmpty();
            return;
        }
        Annotation annotation = Bean.class.getDeclaredField(c.property).getDeclaredAnnotations()[0];
        ConstraintValidator<Annotation, CharSequence> constraintValidator = validatorFor(annotation);
        constraintValidator.initialize(annotation);
        RecordingContext recording = new RecordingContext();
        constraintValidator.isValid(c.value, recording.context());
        String prefix = switch (c.property) {
            case "date" -> "must be a YYYY-MM-DD date: ";
            case "url", "urlOrHost" -> "must be an absolute http or https URL: ";
            case "dateTime", "instant" -> "must be an ISO 8601 date or date-time: ";
            default -> "must be an ISO 4217 currency code: ";
        };
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.getMessage()).isEqualTo(prefix + recording.parameters.get("reason"));
            assertThat(violation.getPropertyPath()).hasToString(c.property);
            assertThat(violation.getInvalidValue()).isEqualTo(c.value);
        });
    }

    @Test
    void aDateRuleReasonComesThroughUnchanged() {
        Set<ConstraintViolation<Bean>> violations = validator.validateValue(Bean.class, "date", "20200922");
        assertThat(violations).singleElement().extracting(ConstraintViolation::getMessage)
                .isEqualTo("must be a YYYY-MM-DD date: "
                        + Objects.requireNonNull(DateRule.check("20200922")).message());
    }

    @Test
    void bracesAndExpressionsInTheDataComeOutLiterally() {
        List<String> hostile = List.of("{jakarta.validation.constraints.NotNull.message}", "${1+1}",
                "#{1+1}", "\\{x\\}", "{reason}", "{code}", "$\\{x}", "${validatedValue}", "{", "}", "\\", "$");
        for (String value : hostile) {
            Set<ConstraintViolation<Bean>> violations = validator.validateValue(Bean.class, "date", value);
            String reason = Objects.requireNonNull(DateRule.check(value)).message();
            assertThat(reason).as("the rule quotes the value").contains(value);
            assertThat(violations).as(value).singleElement().extracting(ConstraintViolation::getMessage)
                    .isEqualTo("must be a YYYY-MM-DD date: " + reason);
        }
    }

    static List<String[]> hostileValues() {
        List<String> hostile = List.of("{jakarta.validation.constraints.NotNull.message}", "${1+1}", "#{1+1}",
                "\\{x\\}", "{reason}", "{code}", "$\\{x}", "${validatedValue}", "{", "}", "\\", "$", "{value}");
        List<String[]> values = new ArrayList<>();
        for (String text : hostile) {
            values.add(new String[] {"date", text});
            values.add(new String[] {"url", "/" + text});
            values.add(new String[] {"urlOrHost", "http:" + text});
            values.add(new String[] {"dateTime", "2020-01-10 " + text});
            values.add(new String[] {"instant", "2020-01-10T10:15:30" + text});
            values.add(new String[] {"currency", "X" + text});
        }
        return values;
    }

    /** Every constraint passes the data as a parameter: whatever the value holds comes out as written. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileValues")
    void bracesAndExpressionsInAnyConstraintsDataComeOutLiterally(String property, String value) {
        Set<ConstraintViolation<Bean>> violations = validator.validateValue(Bean.class, property, value);
        assertThat(violations).singleElement().extracting(ConstraintViolation::getMessage).asString()
                .contains(value).doesNotContain("must not be null");
    }

    @Test
    void ownMessagesCanUseTheParameters() {
        assertThat(validator.validate(new OwnMessage())).singleElement().extracting(ConstraintViolation::getMessage)
                .isEqualTo("day [DATE_FORMAT] " + Objects.requireNonNull(DateRule.check("2020-9-22")).message());
    }

    @Test
    void aWholeBeanIsValidatedIncludingContainerElements() {
        Bean bean = new Bean();
        bean.date = "2020-09-22";
        bean.url = "https://domain.tld/path/to/my/page";
        bean.urlOrHost = "domain.tld/path/to/my/page";
        bean.dateTime = "2020-01-10T10:15:30";
        bean.instant = "2020-01-10T10:15:30Z";
        bean.currency = "USD";
        bean.euroOrDollar = "EUR";
        bean.dates = List.of("2020-09-22", "2020-09-23");
        assertThat(validator.validate(bean)).isEmpty();

        bean.url = "/path/to/my/page";
        bean.dates = List.of("2020-09-22", "22-09-2020");
        bean.currency = null;
        assertThat(validator.validate(bean)).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("url", "dates[1].<list element>");
    }

    @Test
    void aMisconfiguredConstraintFailsWhenInitialized() {
        assertThatThrownBy(() -> validator.validate(new Misconfigured()))
                .isInstanceOf(ValidationException.class)
                .hasStackTraceContaining("@CurrencyCode(anyOf) must list ISO 4217 codes only")
                .hasStackTraceContaining("EURO");
        CurrencyCodeValidator direct = new CurrencyCodeValidator();
        assertThatThrownBy(() -> direct.initialize(annotation(Misconfigured.class, "currency", CurrencyCode.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'EURO'");
    }

    @Test
    void anotherProvidersContextGetsTheDefaultMessageWithoutParameters() {
        ConstraintValidatorContext plain = (ConstraintValidatorContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ConstraintValidatorContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("unwrap")) {
                        throw new ValidationException("not Hibernate Validator");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        assertThat(new IsoDateValidator().isValid("2020-9-22", plain)).isFalse();
        assertThat(new IsoDateValidator().isValid("2020-09-22", plain)).isTrue();
    }

    @Test
    void theFactoryInterpolatesWithoutExpressionLanguage() {
        assertThat(factory.getMessageInterpolator()).isInstanceOf(ParameterMessageInterpolator.class);
        // Hibernate Validator's own messages still resolve.
        record Required(@NotNull @Nullable String value) {
        }
        assertThat(validator.validate(new Required(null))).singleElement()
                .extracting(ConstraintViolation::getMessage).isEqualTo("must not be null");
    }

    @SuppressWarnings("unchecked")
    private static ConstraintValidator<Annotation, CharSequence> validatorFor(Annotation annotation) {
        ConstraintValidator<?, CharSequence> constraintValidator;
        if (annotation instanceof IsoDate) {
            constraintValidator = new IsoDateValidator();
        } else if (annotation instanceof AbsoluteHttpUrl) {
            constraintValidator = new AbsoluteHttpUrlValidator();
        } else if (annotation instanceof IsoDateTime) {
            constraintValidator = new IsoDateTimeValidator();
        } else if (annotation instanceof CurrencyCode) {
            constraintValidator = new CurrencyCodeValidator();
        } else {
            throw new IllegalArgumentException(annotation.toString());
        }
        return (ConstraintValidator<Annotation, CharSequence>) constraintValidator;
    }

    private static <A extends Annotation> A annotation(Class<?> type, String field, Class<A> annotationType) {
        try {
            return Objects.requireNonNull(type.getDeclaredField(field).getAnnotation(annotationType));
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    /** A Hibernate Validator context that records the message parameters it is given. */
    private static final class RecordingContext {
        final Map<String, Object> parameters = new LinkedHashMap<>();

        HibernateConstraintValidatorContext context() {
            Object[] self = new Object[1];
            self[0] = Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HibernateConstraintValidatorContext.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "unwrap":
                                return proxy;
                            case "addMessageParameter":
                                assertThat(parameters).doesNotContainKey((String) args[0]);
                                parameters.put((String) args[0], args[1]);
                                return proxy;
                            default:
                                throw new UnsupportedOperationException(method.getName());
                        }
                    });
            return (HibernateConstraintValidatorContext) self[0];
        }
    }
}
