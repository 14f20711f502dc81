package org.conversionkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.conversionkit.model.rules.CurrencyRule;
import org.conversionkit.model.rules.DateRule;
import org.conversionkit.model.rules.IsoDateTimeRule;
import org.conversionkit.model.rules.UrlRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the module as it runs on the module path, which the class-path test run cannot show: a
 * small application module is compiled against it and run in a module layer of its own, where
 * Hibernate Validator must reach the constraint validators through the {@code opens} of the module
 * descriptor and find the messages of the {@code ContributorValidationMessages} bundle.
 */
class ModulePathTest {

    private static final String PROBE_MODULE = """
            module conversionkit.probe {
                requires org.conversionkit.validation;
                exports probe;
                opens probe to org.hibernate.validator;
            }
            """;

    private static final String PROBE = """
            package probe;

            import jakarta.validation.ConstraintViolation;
            import jakarta.validation.ValidatorFactory;
            import java.util.ArrayList;
            import java.util.Collections;
            import java.util.List;
            import org.conversionkit.validation.BeanValidation;
            import org.conversionkit.validation.constraints.AbsoluteHttpUrl;
            import org.conversionkit.validation.constraints.CurrencyCode;
            import org.conversionkit.validation.constraints.IsoDate;
            import org.conversionkit.validation.constraints.IsoDateTime;

            public final class Probe {
                static final class Bean {
                    @IsoDate String date = "20200922";
                    @AbsoluteHttpUrl String url = "/path/to/my/page";
                    @IsoDateTime String updatedAt = "2020-01-10 10:15:30";
                    @CurrencyCode String currency = "usd";
                    @IsoDate String day = "2020-09-22";
                    @AbsoluteHttpUrl String page = "https://domain.tld/path/to/my/page";
                }

                public static List<String> run() {
                    try (ValidatorFactory factory = BeanValidation.buildValidatorFactory()) {
                        List<String> messages = new ArrayList<>();
                        for (ConstraintViolation<Bean> violation : factory.getValidator().validate(new Bean())) {
                            messages.add(violation.getPropertyPath() + ": " + violation.getMessage());
                        }
                        Collections.sort(messages);
                        messages.add("validator module: " + violation(factory).getModule().getName());
                        return messages;
                    }
                }

                private static Class<?> violation(ValidatorFactory factory) {
                    return factory.getValidator().getConstraintsForClass(Bean.class).getConstraintsForProperty("date")
                            .getConstraintDescriptors().iterator().next().getConstraintValidatorClasses().get(0);
                }
            }
            """;

    @Test
    void hibernateValidatorReachesTheValidatorsAndMessagesOnTheModulePath(@TempDir Path temp) throws Exception {
        List<Path> modulePath = new ArrayList<>();
        for (String type : List.of("org.conversionkit.validation.BeanValidation", "org.conversionkit.model.RawRecord",
                "jakarta.validation.Validation", "org.hibernate.validator.HibernateValidator",
                "org.jboss.logging.Logger", "com.fasterxml.classmate.TypeResolver",
                "org.jspecify.annotations.Nullable")) {
            modulePath.add(location(type));
        }
        Path sources = temp.resolve("src");
        Path classes = temp.resolve("classes");
        Files.createDirectories(sources.resolve("probe"));
        Files.writeString(sources.resolve("module-info.java"), PROBE_MODULE);
        Files.writeString(sources.resolve("probe/Probe.java"), PROBE);
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new AssertionError("a JDK is needed"));
        StringWriter diagnostics = new StringWriter();
        PrintWriter out = new PrintWriter(diagnostics);
        int status = javac.run(out, out, "-d", classes.toString(), "--module-path",
                modulePath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)),
                "-proc:none", sources.resolve("module-info.java").toString(),
                sources.resolve("probe/Probe.java").toString());
        out.flush();
        assertThat(status).as("probe compiles: %s", diagnostics).isZero();

        modulePath.add(classes);
        ModuleFinder finder = ModuleFinder.of(modulePath.toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("conversionkit.probe"));
        // The platform loader as parent: nothing may come from the class path this test runs on.
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        ClassLoader loader = layer.findLoader("conversionkit.probe");

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        Object result;
        try {
            result = loader.loadClass("probe.Probe").getMethod("run").invoke(null);
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertThat(result).isInstanceOf(List.class);
        assertThat(((List<?>) result).stream().map(String::valueOf).toList()).containsExactly(
                "currency: must be an ISO 4217 currency code: " + reason(CurrencyRule.check("usd")),
                "date: must be a YYYY-MM-DD date: " + reason(DateRule.check("20200922")),
                "updatedAt: must be an ISO 8601 date or date-time: "
                        + reason(IsoDateTimeRule.check("the value", "2020-01-10 10:15:30")),
                "url: must be an absolute http or https URL: " + reason(UrlRule.check("/path/to/my/page")),
                "validator module: org.conversionkit.validation");

        ModuleDescriptor descriptor = layer.findModule("org.conversionkit.validation").orElseThrow().getDescriptor();
        assertThat(descriptor.exports()).filteredOn(exports -> !exports.isQualified())
                .extracting(ModuleDescriptor.Exports::source).containsExactlyInAnyOrder(
                        "org.conversionkit.validation", "org.conversionkit.validation.constraints");
        // The internal package only to the format modules, whose writers share the validators' counting.
        assertThat(descriptor.exports()).filteredOn(ModuleDescriptor.Exports::isQualified).singleElement()
                .satisfies(exports -> {
                    assertThat(exports.source()).isEqualTo("org.conversionkit.validation.internal");
                    assertThat(exports.targets()).containsExactlyInAnyOrder("org.conversionkit.csv",
                            "org.conversionkit.json");
                });
        assertThat(descriptor.opens()).singleElement().satisfies(opens -> {
            assertThat(opens.source()).isEqualTo("org.conversionkit.validation.internal.constraints");
            assertThat(opens.targets()).containsExactly("org.hibernate.validator");
        });
    }

    private static String reason(org.conversionkit.model.rules.@org.jspecify.annotations.Nullable Problem problem) {
        return Objects.requireNonNull(problem).message();
    }

    private static Path location(String type) throws ClassNotFoundException, URISyntaxException, IOException {
        Path path = Path.of(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(path).as(type).exists();
        return path;
    }
}
