package org.conversionkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.conversionkit.files.ReportWriter;

/**
 * The JSON report's JSON Schema, as shipped in the conversion-files jar ({@link ReportWriter#JSON_SCHEMA_RESOURCE}),
 * checked with a JSON Schema 2020-12 validator (networknt's, a test dependency only).
 */
final class ReportSchema {

    private static final Schema SCHEMA = load();

    private ReportSchema() {
    }

    /** The schema's text, as shipped. */
    static byte[] bytes() {
        try (InputStream in = Objects.requireNonNull(ReportWriter.class.getResourceAsStream(
                ReportWriter.JSON_SCHEMA_RESOURCE), "the schema is in the conversion-files jar")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with a JSON report, one message per problem; empty when it fits the schema. */
    static List<String> problems(String json) {
        List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        return registry.getSchema(new String(bytes(), java.nio.charset.StandardCharsets.UTF_8), InputFormat.JSON);
    }
}
