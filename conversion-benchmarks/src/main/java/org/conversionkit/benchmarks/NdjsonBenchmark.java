package org.conversionkit.benchmarks;

import java.io.IOException;
import org.conversionkit.json.ConversionJsonReader;
import org.conversionkit.model.RecordSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One whole pass over a generated daily NDJSON file (the CSV benchmark's rows, as JSON objects) per
 * operation, three ways on the same file: raw Jackson 3 token iteration, our record source alone, and full
 * validation.
 */
public class NdjsonBenchmark extends ReadingBenchmark {

    private final JsonFactory factory = JsonFactory.builder().build();

    /** Creates the benchmark state; JMH calls it. */
    public NdjsonBenchmark() {
    }

    /**
     * Writes the file, once per trial.
     *
     * @throws IOException if it cannot be written
     */
    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        directory = BenchmarkFiles.newDirectory();
        file = directory.resolve("conversion-export-" + DataGenerator.DATE + ".json");
        counts = DataGenerator.write(file, DataGenerator.Format.NDJSON, ',', rows, DataGenerator.SEED);
    }

    /**
     * Jackson 3 token iteration with a default {@code JsonFactory} over the file's bytes: {@code nextToken()}
     * over every token; every scalar value's text is built as a {@code String} ({@code getString()}, as
     * FastCSV builds a {@code String} for every field) and every property name taken
     * ({@code currentName()}, the parser's canonical instance); each handed to a black hole.
     *
     * @param blackhole consumes the names and values
     * @return the root objects read
     */
    @Benchmark
    public long rawJackson(Blackhole blackhole) {
        long records = 0;
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), file)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    // The rows hold no nested objects: every object is a row.
                    case START_OBJECT -> records++;
                    case PROPERTY_NAME -> blackhole.consume(parser.currentName());
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> blackhole.consume(parser.getString());
                    default -> {
                        // Structure and literals carry no text.
                    }
                }
            }
        }
        return check(records);
    }

    @Override
    RecordSource open() throws IOException {
        return ConversionJsonReader.builder().source(file);
    }
}
