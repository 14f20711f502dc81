package org.conversionkit.test;

import static org.conversionkit.test.ConversionAssertions.assertThat;

import java.io.File;
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
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit as a module: a pipeline's test module that requires {@code org.conversionkit.test} alone is compiled on the
 * module path and run in a module layer of its own, where it reaches AssertJ, the fixtures and the report types
 * through the kit's {@code requires transitive}, and nothing else of the library's internals.
 */
class ModulePathTest {

    private static final String MODULE = """
            module pipeline.tests {
                requires org.conversionkit.test;
                exports pipeline;
            }
            """;

    private static final String PIPELINE = """
            package pipeline;

            import static org.conversionkit.test.ConversionAssertions.assertThat;

            import java.nio.file.Path;
            import java.time.LocalDate;
            import java.util.ArrayList;
            import java.util.List;
            import org.conversionkit.model.ViolationCode;
            import org.conversionkit.test.ExportFixture;
            import org.conversionkit.test.ExportMistake;
            import org.conversionkit.test.WrittenExport;

            public final class Pipeline {
                public static List<String> run(Path folder) throws Exception {
                    List<String> out = new ArrayList<>();
                    WrittenExport export = ExportFixture.of(LocalDate.of(2020, 9, 22)).rows(20).seed(1)
                            .mistakes(ExportMistake.WRONG_DATE).writeTo(folder);
                    assertThat(export.path()).checkedAsConversionExport().hasRecords(21)
                            .hasViolation(ViolationCode.DATE_MISMATCH).atLine(export.lineOf(ExportMistake.WRONG_DATE));
                    try {
                        assertThat(export.path()).isValidConversionExport();
                        out.add("passed");
                    } catch (AssertionError e) {
                        out.add(e.getMessage().lines().skip(3).findFirst().orElseThrow());
                    }
                    assertThat(List.of(1, 2)).hasSize(2);
                    out.add("line " + export.lineOf(ExportMistake.WRONG_DATE));
                    return out;
                }
            }
            """;

    /** A type of each module the pipeline's module path holds, to find where the build put it. */
    private static final List<String> MODULE_PATH = List.of("org.conversionkit.test.ConversionAssertions",
            "org.conversionkit.files.FileChecker", "org.conversionkit.model.RawRecord",
            "org.conversionkit.csv.ConversionCsvWriter", "org.conversionkit.json.ConversionJsonWriter",
            "org.conversionkit.validation.ConversionValidator", "de.siegmar.fastcsv.reader.CsvReader",
            "tools.jackson.core.JsonParser", "jakarta.validation.Validation",
            "org.hibernate.validator.HibernateValidator", "org.jboss.logging.Logger",
            "com.fasterxml.classmate.TypeResolver", "org.jspecify.annotations.Nullable",
            "org.assertj.core.api.Assertions");

    @Test
    void aPipelinesTestModuleRequiresTheKitAlone(@TempDir Path temp) throws Exception {
        List<Path> modulePath = new ArrayList<>();
        for (String type : MODULE_PATH) {
            modulePath.add(location(type));
        }
        Path sources = temp.resolve("src");
        Path classes = temp.resolve("classes");
        Files.createDirectories(sources.resolve("pipeline"));
        Files.writeString(sources.resolve("module-info.java"), MODULE);
        Files.writeString(sources.resolve("pipeline/Pipeline.java"), PIPELINE);
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new AssertionError("a JDK is needed"));
        StringWriter diagnostics = new StringWriter();
        PrintWriter out = new PrintWriter(diagnostics);
        int status = javac.run(out, out, "-d", classes.toString(), "--module-path",
                modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                "-proc:none", sources.resolve("module-info.java").toString(),
                sources.resolve("pipeline/Pipeline.java").toString());
        out.flush();
        assertThat(status).as("the pipeline's tests compile: %s", diagnostics).isZero();

        modulePath.add(classes);
        Configuration configuration = ModuleLayer.boot().configuration().resolve(
                ModuleFinder.of(modulePath.toArray(Path[]::new)), ModuleFinder.of(), Set.of("pipeline.tests"));
        // The platform loader as parent: nothing may come from the class path this test runs on.
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        Path work = Files.createDirectories(temp.resolve("work"));
        Object result = layer.findLoader("pipeline.tests").loadClass("pipeline.Pipeline").getMethod("run", Path.class)
                .invoke(null, work);
        List<String> lines = ((List<?>) result).stream().map(String::valueOf).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("  " + lines.get(1) + ", record ")
                .contains(": DATE_MISMATCH [date] row date");

        ModuleDescriptor kit = layer.findModule("org.conversionkit.test").orElseThrow().getDescriptor();
        assertThat(kit.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactly("org.conversionkit.test");
        assertThat(kit.exports()).noneMatch(ModuleDescriptor.Exports::isQualified);
        assertThat(kit.requires())
                .filteredOn(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                .extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("org.conversionkit.files", "org.assertj.core");
    }

    private static Path location(String type) throws ClassNotFoundException, URISyntaxException, IOException {
        Path path = Path.of(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(path).as(type).exists();
        return path;
    }
}
