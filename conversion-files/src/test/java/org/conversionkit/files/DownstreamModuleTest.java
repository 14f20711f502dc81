package org.conversionkit.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
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
 * A downstream application that sees only what the modules export: compiled on the module path against the
 * library's modules and run in a module layer of its own, where an internal package cannot be reached. It checks
 * a CSV, an NDJSON, a loose JSON and a gzip file with one call each and no format choice, reads typed rows that
 * honour the date in a file's name, renders the command's JSON report, and finds that a reader and a validator of
 * different profiles do not combine.
 */
class DownstreamModuleTest {

    private static final String MODULE = """
            module downstream.app {
                requires org.conversionkit.files;
                exports app;
            }
            """;

    private static final String APP = """
            package app;

            import java.io.ByteArrayOutputStream;
            import java.io.IOException;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.zip.GZIPOutputStream;
            import org.conversionkit.csv.ConversionCsvReader;
            import org.conversionkit.files.ConversionFiles;
            import org.conversionkit.files.ReportFormat;
            import org.conversionkit.files.ReportWriter;
            import org.conversionkit.json.CrmFeedReader;
            import org.conversionkit.model.ConversionDataException;
            import org.conversionkit.model.RecordSource;
            import org.conversionkit.validation.ConversionValidator;
            import org.conversionkit.validation.ValidationReport;

            public final class App {
                public static List<String> run(Path dir) throws IOException {
                    List<String> out = new ArrayList<>();
                    String day = "2020-09-22";
                    Path csv = Files.writeString(dir.resolve("conversion-export-" + day + ".csv"),
                            "https://domain.tld/a, " + day + ", organic, 1, 10.0\\nhttps://domain.tld/b, 2020-09-21, organic, 1, 1\\n");
                    Path ndjson = Files.writeString(dir.resolve("conversion-export-" + day + ".ndjson"),
                            "{\\"url\\":\\"https://domain.tld/a\\",\\"date\\":\\"" + day + "\\"}\\n");
                    Path loose = Files.writeString(dir.resolve("conversion-export-" + day + ".json"),
                            "[{'url': 'https://domain.tld/a', 'date': '" + day + "'},]");
                    Path gzip = dir.resolve("conversion-export-" + day + ".csv.gz");
                    try (GZIPOutputStream zip = new GZIPOutputStream(Files.newOutputStream(gzip))) {
                        zip.write(("https://domain.tld/a;" + day + ";organic;1;10.0\\n").getBytes(StandardCharsets.UTF_8));
                    }
                    for (Path file : List.of(csv, ndjson, loose, gzip)) {
                        ValidationReport report = ConversionFiles.check(file);
                        out.add(file.getFileName() + " " + report.format() + " " + report.valid() + " "
                                + report.records());
                    }
                    int rows = 0;
                    try (ConversionCsvReader reader = ConversionCsvReader.builder().build(csv)) {
                        for (var row : reader) {
                            rows++;
                        }
                    } catch (ConversionDataException e) {
                        out.add("rows " + rows + ", then " + e.code() + " at line " + e.line());
                    }
                    ByteArrayOutputStream json = new ByteArrayOutputStream();
                    ReportWriter.of(ReportFormat.JSON).write(List.of(ConversionFiles.check(csv)), json);
                    out.add(json.toString(StandardCharsets.UTF_8).strip());
                    try (RecordSource feed = CrmFeedReader.builder().source(ndjson)) {
                        ConversionValidator.builder().build().validate(feed);
                        out.add("a feed validated as conversions");
                    } catch (IllegalArgumentException e) {
                        out.add("refused: " + e.getClass().getSimpleName());
                    }
                    return out;
                }
            }
            """;

    /** A type of each module the application needs, to find where the build put it. */
    private static final List<String> MODULE_PATH = List.of("org.conversionkit.files.ConversionFiles",
            "org.conversionkit.model.RawRecord", "org.conversionkit.csv.ConversionCsvReader",
            "org.conversionkit.json.ConversionJsonReader", "org.conversionkit.validation.ConversionValidator",
            "de.siegmar.fastcsv.reader.CsvReader", "tools.jackson.core.JsonParser", "jakarta.validation.Validation",
            "org.hibernate.validator.HibernateValidator", "org.jboss.logging.Logger",
            "com.fasterxml.classmate.TypeResolver", "org.jspecify.annotations.Nullable");

    @Test
    void aDownstreamModuleUsesThePublicApiOnly(@TempDir Path temp) throws Exception {
        List<Path> modulePath = new ArrayList<>();
        for (String type : MODULE_PATH) {
            modulePath.add(location(type));
        }
        Path sources = temp.resolve("src");
        Path classes = temp.resolve("classes");
        Files.createDirectories(sources.resolve("app"));
        Files.writeString(sources.resolve("module-info.java"), MODULE);
        Files.writeString(sources.resolve("app/App.java"), APP);
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new AssertionError("a JDK is needed"));
        StringWriter diagnostics = new StringWriter();
        PrintWriter out = new PrintWriter(diagnostics);
        int status = javac.run(out, out, "-d", classes.toString(), "--module-path",
                modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                "-proc:none", sources.resolve("module-info.java").toString(), sources.resolve("app/App.java").toString());
        out.flush();
        assertThat(status).as("the application compiles: %s", diagnostics).isZero();

        modulePath.add(classes);
        Configuration configuration = ModuleLayer.boot().configuration().resolve(
                ModuleFinder.of(modulePath.toArray(Path[]::new)), ModuleFinder.of(), Set.of("downstream.app"));
        // The platform loader as parent: nothing may come from the class path this test runs on.
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        Path work = Files.createDirectories(temp.resolve("work"));
        Object result = layer.findLoader("downstream.app").loadClass("app.App").getMethod("run", Path.class)
                .invoke(null, work);
        List<String> lines = ((List<?>) result).stream().map(String::valueOf).toList();
        assertThat(lines).containsExactly(
                "conversion-export-2020-09-22.csv csv false 2",
                "conversion-export-2020-09-22.ndjson json true 1",
                "conversion-export-2020-09-22.json json true 1",
                "conversion-export-2020-09-22.csv.gz csv true 1",
                "rows 1, then DATE_MISMATCH at line 2",
                lines.get(5),
                "refused: IllegalArgumentException");
        assertThat(lines.get(5)).startsWith("{\"valid\":false,\"files\":[{\"file\":\"" + work.resolve(
                "conversion-export-2020-09-22.csv") + "\",\"format\":\"csv\",\"delimiter\":\",\"")
                .contains("\"code\":\"DATE_MISMATCH\",\"severity\":\"error\",\"line\":2,\"column\":23,");
        // The internal packages are out of the application's reach.
        assertThat(layer.findModule("org.conversionkit.model").orElseThrow()
                .isExported("org.conversionkit.model.internal", layer.findModule("downstream.app").orElseThrow()))
                .isFalse();
    }

    private static Path location(String type) throws ClassNotFoundException, URISyntaxException, IOException {
        Path path = Path.of(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(path).as(type).exists();
        return path;
    }
}
