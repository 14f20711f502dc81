package org.conversionkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conversionkit.csv.ConversionCsvReader;
import org.conversionkit.files.ConversionFiles;
import org.conversionkit.files.ReportFormat;
import org.conversionkit.files.ReportWriter;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.Field;
import org.conversionkit.model.FieldDefaults;
import org.conversionkit.validation.BeanValidation;
import org.conversionkit.validation.ValidationReport;
import org.conversionkit.validation.constraints.AbsoluteHttpUrl;
import org.conversionkit.validation.constraints.IsoDate;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's Java quick start compiled and true: the code between the markers below is the
 * README's code block, character for character, and it runs on the example export shipped in the
 * repository.
 */
class ReadmeQuickStartTest {

    static final Path README = Path.of("../README.md");
    static final Path SOURCE = Path.of("src/test/java/org/conversionkit/cli/ReadmeQuickStartTest.java");

    /** The file the README's quick start reads, from the repository root. */
    static final String FILE_LINE = "Path file = Path.of(\"examples/conversion-export-2020-09-22.csv\");";

    /** The README's quick start; {@code out} stands for {@code System.out}. */
    static int quickStart(Path file, PrintStream out) throws IOException {
        // quick-start:begin
        // 1. Check a file in one call: CSV or JSON rows, gzip or not, held to the date in its name; the report
        //    is the one conversion-check prints, with every violation's line, column, field and fix
        ValidationReport report = ConversionFiles.check(file);
        out.println(report.valid() + " " + report.records() + " records, " + report.errors() + " errors");
        report.violations().forEach(v -> out.println(v.line() + ":" + v.column() + " " + v.code() + " " + v.message()));
        ReportWriter.of(ReportFormat.JSON).write(List.of(report), out);

        // 2. Stream typed rows under a profile: the same rules, the same date; an invalid row throws
        //    ConversionDataException (line, record, field)
        ConversionProfile profile = ConversionProfile.builder()
                .defaults(FieldDefaults.NONE.with(Field.CHANNEL, "organic")).build();
        try (ConversionCsvReader reader = ConversionCsvReader.builder().profile(profile).build(file)) {
            reader.stream().forEach(row -> out.println(row.url() + " " + row.date() + " " + row.revenue()));
        }

        // 3. The same rules on your own beans, with Hibernate Validator (no Jakarta EL needed)
        record Conversion(@AbsoluteHttpUrl String url, @IsoDate String date) { }
        try (ValidatorFactory factory = BeanValidation.buildValidatorFactory()) {
            Validator validator = factory.getValidator();
            Set<ConstraintViolation<Conversion>> problems = validator.validate(new Conversion("/path", "2020-22-09"));
            problems.forEach(p -> out.println(p.getPropertyPath() + ": " + p.getMessage()));
            // quick-start:end
            return problems.size();
        }
    }

    @Test
    void readmeShowsTheCodeThatIsCompiledHere() throws IOException {
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        Matcher between = Pattern.compile("// quick-start:begin\n(.*?)\n\\s*// quick-start:end", Pattern.DOTALL)
                .matcher(source);
        assertThat(between.find()).isTrue();
        String code = FILE_LINE + "\n\n" + between.group(1).replace("\n        ", "\n")
                .replace("out.println", "System.out.println").replace(", out);", ", System.out);").strip() + "\n}";
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<!-- quick-start -->\n```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has a java block after <!-- quick-start -->").isTrue();
        assertThat(block.group(1).strip()).isEqualTo(code.strip());
    }

    @Test
    void quickStartRunsOnTheShippedExample() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int problems;
        // Tests run in the module's directory; the README's path is relative to the repository root.
        Path file = Path.of("..", "examples", "conversion-export-2020-09-22.csv");
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            problems = quickStart(file, out);
        }
        assertThat(problems).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("https://domain.tld 2020-09-22 10.0")
                .contains("true 3 records, 0 errors")
                .contains("{\"valid\":true,\"files\":[{\"file\":\"../examples/conversion-export-2020-09-22.csv\"")
                .contains("url: ")
                .contains("date: ");
    }
}
