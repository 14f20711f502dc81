package org.conversionkit.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.conversionkit.cli.ConversionCheck;
import org.conversionkit.files.FileChecker;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.Field;
import org.conversionkit.model.FieldDefaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check on Spark, in process on {@code local[2]}: 40 generated daily files, some with known mistakes, whose
 * per-file rows equal the command's JSON reports of the same files, and whose typed rows are the valid records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkCheckTest {

    private SparkSession spark;
    private Path dir;
    private Path exports;

    @BeforeAll
    void start(@TempDir Path temp) throws IOException {
        dir = temp;
        try {
            spark = SparkSession.builder().master("local[2]").appName("conversion-kit-test")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
        } catch (RuntimeException | LinkageError e) {
            // Spark 4 supports Java 17 and 21; where a newer JDK cannot run it, say so rather than fail.
            Assumptions.abort("Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + " does not start on Java "
                    + Runtime.version() + ": " + e);
        }
        exports = Files.createDirectories(dir.resolve("exports"));
        Random random = new Random(20261203L);
        for (int day = 1; day <= 40; day++) {
            String date = java.time.LocalDate.of(2020, 9, 1).plusDays(day - 1).toString();
            StringBuilder rows = new StringBuilder();
            int count = 50 + random.nextInt(200);
            for (int i = 0; i < count; i++) {
                int fault = random.nextInt(60);
                String url = fault == 0 ? "/relative/page"
                        : fault == 1 ? "domain.tld/page" : "https://domain.tld/p" + i;
                String rowDate = fault == 2 ? "2020-01-01" : date;
                String revenue = fault == 3 ? "12,50" : (1 + random.nextInt(100)) + ".25";
                rows.append(url).append(',').append(rowDate).append(",organic,").append(1 + random.nextInt(3))
                        .append(',').append(revenue).append('\n');
            }
            String name = "conversion-export-" + date;
            if (day % 10 == 0) {
                Path gzip = exports.resolve(name + ".csv.gz");
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
                    out.write(rows.toString().getBytes(UTF_8));
                }
            } else if (day % 7 == 0) {
                // The same rows as NDJSON.
                StringBuilder json = new StringBuilder();
                for (String line : rows.toString().split("\n")) {
                    String[] field = line.split(",");
                    json.append(String.format(Locale.ROOT, "{\"url\":\"%s\",\"date\":\"%s\",\"channel\":\"%s\","
                            + "\"transactions\":%s,\"revenue\":\"%s\"}%n", field[0], field[1], field[2], field[3],
                            field[4]));
                }
                Files.writeString(exports.resolve(name + ".ndjson"), json.toString());
            } else {
                Files.writeString(exports.resolve(name + ".csv"), day == 13 ? "url,date\n" + rows : rows.toString());
            }
        }
    }

    @AfterAll
    void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void theFilesRowsAreTheCommandsReports() throws IOException {
        SparkCheck.Result result = SparkCheck.of(spark).check(exports.toString());
        Path cli = dir.resolve("cli.json");
        Files.writeString(cli, command("validate", "--report", "json", "--max-violations", "100",
                exports.toString()));
        Dataset<Row> expected = spark.read().json(cli.toString()).select(explode(col("files")).as("f"))
                .select(col("f.*")).drop("violations");
        List<String> columns = List.of("format", "delimiter", "profile", "date", "valid", "records", "validRecords",
                "invalidRecords", "blankLines", "errors", "warnings", "truncated");
        Dataset<Row> actual = result.files();
        assertThat(actual.count()).isEqualTo(40);
        assertThat(rows(actual, columns)).containsExactlyInAnyOrderElementsOf(rows(expected, columns));
        assertThat(actual.filter("NOT valid").count()).isGreaterThan(10);

        // Every listed violation, each with its file: as many as the command lists.
        Dataset<Row> listed = spark.read().json(cli.toString()).select(explode(col("files")).as("f"))
                .select(explode(col("f.violations")).as("v"));
        assertThat(result.violations().count()).isEqualTo(listed.count()).isGreaterThan(40);
        assertThat(result.violations().filter("code = 'HEADER_ROW'").count()).isEqualTo(1);

        // The typed rows are the valid records, each with its file and line.
        Dataset<Row> rows = SparkCheck.of(spark).conversionRows(exports.toString());
        long valid = actual.agg(org.apache.spark.sql.functions.sum("validRecords")).first().getLong(0);
        assertThat(rows.count()).isEqualTo(valid);
        assertThat(rows.filter("line < 1").count()).isZero();
        // A URL without scheme is a warning: its row is valid and kept.
        assertThat(rows.filter("url NOT LIKE 'http%'").count()).isPositive();
        result.unpersist();
    }

    @Test
    void aCrmFeedGivesItsRecords() throws IOException {
        Path feeds = Files.createDirectories(dir.resolve("feeds"));
        Files.writeString(feeds.resolve("orders-2020-01-20.ndjson"), """
                {"orderId":"N1","createdAt":"2020-01-10","updatedAt":"2020-01-20T10:00:00Z","total":12.5}
                {"orderId":"N2","createdAt":"2020-01-11","updatedAt":"2020-01-20T11:00:00Z","currency":"usd"}
                {"orderId":"N1","createdAt":"2020-01-10","updatedAt":"2020-01-20T12:00:00Z"}
                """);
        SparkCheck check = SparkCheck.of(spark, () -> FileChecker.builder().profile(CrmProfile.DEFAULT).build());
        SparkCheck.Result result = check.check(feeds.toString());
        assertThat(result.files().first().<Long>getAs("validRecords")).isEqualTo(1L);
        assertThat(result.violations().select("code").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactlyInAnyOrder("CURRENCY_CODE", "DUPLICATE_RECORD");
        List<Row> records = check.crmRecords(feeds.toString()).collectAsList();
        assertThat(records).singleElement().satisfies(row -> {
            assertThat(row.<String>getAs("id")).isEqualTo("N1");
            assertThat(row.<Long>getAs("line")).isEqualTo(1L);
            assertThat(row.<String>getAs("updatedAt")).isEqualTo("2020-01-20T10:00:00Z"); // as written (RFC 3339)
        });
    }

    @Test
    void theSparkSubmitEntryPointWritesBothResultSets() {
        Path output = dir.resolve("out");
        int exit = CheckFiles.run(spark, new String[] {"--output", output.toString(), "--rows", exports.toString()});
        assertThat(exit).isEqualTo(1);
        assertThat(spark.read().parquet(output.resolve("files").toString()).count()).isEqualTo(40);
        assertThat(spark.read().parquet(output.resolve("violations").toString()).count()).isGreaterThan(40);
        Dataset<Row> rows = spark.read().parquet(output.resolve("rows").toString());
        assertThat(rows.columns()).contains("file", "line", "url", "date", "revenue");
        assertThat(rows.count()).isGreaterThan(5000);
    }

    /** The README's snippet, between the markers, run here. */
    static long readme(SparkSession spark, String exports, String output) {
        // snippet:spark
        SparkCheck check = SparkCheck.of(spark, () -> FileChecker.builder()
                .profile(ConversionProfile.builder()
                        .defaults(FieldDefaults.NONE.with(Field.CHANNEL, "organic")).build())
                .build());
        SparkCheck.Result result = check.check(exports);
        result.files().write().parquet(output + "/files");
        result.violations().write().parquet(output + "/violations");
        Dataset<Row> rows = check.conversionRows(exports);
        // snippet:end
        return rows.count();
    }

    @Test
    void theReadmeShowsTheSnippetThatRunsHere() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/conversionkit/spark/SparkCheckTest.java"));
        Matcher code = Pattern.compile("// snippet:spark\n(.*?)\n\s*// snippet:end", Pattern.DOTALL).matcher(source);
        assertThat(code.find()).isTrue();
        Matcher block = Pattern.compile("<!-- snippet: spark -->\n```java\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("../README.md")));
        assertThat(block.find()).isTrue();
        assertThat(block.group(1).strip()).isEqualTo(code.group(1).replace("\n        ", "\n").strip());
        long rows = readme(spark, exports.toString(), dir.resolve("readme").toString());
        assertThat(rows).isPositive();
        assertThat(spark.read().parquet(dir.resolve("readme/files").toString()).count()).isEqualTo(40);
    }

    private static List<String> rows(Dataset<Row> files, List<String> columns) {
        // By the file's name: the command gives paths, Spark URIs.
        Dataset<Row> named = files.withColumn("name", regexp_extract(col("file"), "([^/]+)$", 1));
        List<String> out = new ArrayList<>();
        List<String> selected = new ArrayList<>(columns);
        selected.add(0, "name");
        for (Row row : named.selectExpr(selected.stream().map(c -> "CAST(" + c + " AS STRING) AS " + c)
                .toArray(String[]::new)).collectAsList()) {
            out.add(row.mkString("|"));
        }
        return out;
    }

    private static String command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(out, true, UTF_8)) {
            ConversionCheck.run(args, new ByteArrayInputStream(new byte[0]), stream, stream);
        }
        return out.toString(UTF_8);
    }
}
