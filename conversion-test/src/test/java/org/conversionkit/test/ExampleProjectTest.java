package org.conversionkit.test;

import static org.conversionkit.test.ConversionAssertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The example downstream project ({@code examples/pipeline-tests}) tests the conversion-kit of this build: it imports
 * the BOM of the root pom's version, and depends on nothing of ours but the BOM's format modules and this kit.
 */
class ExampleProjectTest {

    private static final Path ROOT = Path.of("../pom.xml");
    private static final Path EXAMPLE = Path.of("../examples/pipeline-tests/pom.xml");

    @Test
    void theExampleImportsTheBomOfThisBuildAndNothingElseOfOurs() throws IOException {
        String root = Files.readString(ROOT, StandardCharsets.UTF_8);
        String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        Matcher version = Pattern.compile("<artifactId>conversion-kit</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(root);
        assertThat(version.find()).isTrue();
        assertThat(example).contains("<conversion-kit.version>" + version.group(1) + "</conversion-kit.version>")
                .containsPattern("<artifactId>conversion-bom</artifactId>\\s*<version>\\$\\{conversion-kit.version}"
                        + "</version>\\s*<type>pom</type>\\s*<scope>import</scope>")
                .doesNotContain("<parent>");
        assertThat(root).contains("<module>examples/pipeline-tests</module>");
        Matcher ours = Pattern.compile("<groupId>org.conversionkit</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(example);
        StringBuilder artifacts = new StringBuilder();
        while (ours.find()) {
            artifacts.append(ours.group(1)).append(' ');
        }
        assertThat(artifacts.toString().strip())
                .isEqualTo("conversion-bom conversion-csv conversion-json conversion-test");
        // Every module's version comes from the BOM.
        assertThat(example).doesNotContainPattern("<artifactId>conversion-(?!bom)[a-z]+</artifactId>\\s*<version>");
    }
}
