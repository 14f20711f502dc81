package org.conversionkit.spark;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.conversionkit.files.FileChecker;
import org.conversionkit.files.TypedRows;
import org.conversionkit.model.ConversionRow;
import org.conversionkit.model.CrmRecord;
import org.jspecify.annotations.Nullable;
import scala.Tuple2;

/**
 * Checks conversion files or CRM feeds on a Spark cluster, the way {@code conversion-check validate} checks them:
 * the files come through Spark from any file system it reads (local, HDFS, {@code s3a://}, {@code gs://}), each
 * file is streamed whole by one task through a {@link FileChecker} (never collected on the driver, never split),
 * and the results are Datasets a data team writes where it likes.
 *
 * <pre>{@code
 * SparkCheck check = SparkCheck.of(spark, () -> FileChecker.builder()
 *         .profile(ConversionProfile.builder().defaults(FieldDefaults.NONE.with(Field.CHANNEL, "organic")).build())
 *         .build());
 * SparkCheck.Result result = check.check("s3a://bucket/exports/2020/09/*.csv.gz");
 * result.files().write().parquet("s3a://bucket/checks/files");
 * result.violations().write().parquet("s3a://bucket/checks/violations");
 * Dataset<Row> rows = check.conversionRows("s3a://bucket/exports/2020/09/*.csv.gz");
 * }</pre>
 *
 * <p>The checker is given as a {@link CheckerFactory}, a serializable recipe that each task runs once: build the
 * {@code FileChecker} inside it (profile, format, delimiter, limits), so that nothing but the recipe travels to the
 * executors. A file's name in the results is the URI Spark gives it; its last segment holds the date.
 *
 * <p>Datasets: {@link Result#files()} one row per file (the JSON report's counts, validity, format, delimiter,
 * profile and date), {@link Result#violations()} one row per listed violation (file, line, record, column, field,
 * code, severity, value, message; at most the checker's {@code maxViolations} a file, the counts in the files'
 * rows are exact), {@link #conversionRows} and {@link #crmRecords} the typed rows of the valid records, with their
 * file and line; the records left out are the files' {@code invalidRecords}.
 */
public final class SparkCheck {

    /**
     * A serializable recipe of the {@link FileChecker} each task uses: a lambda that builds it.
     */
    @FunctionalInterface
    public interface CheckerFactory extends Supplier<FileChecker>, Serializable {
    }

    /** The schema of {@link #conversionRows}. */
    public static final StructType CONVERSION_ROWS = new StructType(new StructField[] {
        DataTypes.createStructField("file", DataTypes.StringType, false),
        DataTypes.createStructField("line", DataTypes.LongType, false),
        DataTypes.createStructField("url", DataTypes.StringType, false),
        DataTypes.createStructField("date", DataTypes.DateType, false),
        DataTypes.createStructField("channel", DataTypes.StringType, true),
        DataTypes.createStructField("device", DataTypes.StringType, true),
        DataTypes.createStructField("transactions", DataTypes.LongType, true),
        DataTypes.createStructField("revenue", DataTypes.createDecimalType(38, 18), true)});

    /** The schema of {@link #crmRecords}; the date-times are as written, since a date or a local time is no instant. */
    public static final StructType CRM_RECORDS = new StructType(new StructField[] {
        DataTypes.createStructField("file", DataTypes.StringType, false),
        DataTypes.createStructField("line", DataTypes.LongType, false),
        DataTypes.createStructField("id", DataTypes.StringType, false),
        DataTypes.createStructField("createdAt", DataTypes.StringType, false),
        DataTypes.createStructField("updatedAt", DataTypes.StringType, false),
        DataTypes.createStructField("currency", DataTypes.StringType, true),
        DataTypes.createStructField("total", DataTypes.createDecimalType(38, 18), true),
        DataTypes.createStructField("status", DataTypes.StringType, true),
        DataTypes.createStructField("userId", DataTypes.StringType, true)});

    private final SparkSession spark;
    private final CheckerFactory checker;

    private SparkCheck(SparkSession spark, CheckerFactory checker) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.checker = Objects.requireNonNull(checker, "checker");
    }

    /**
     * Returns the check with the defaults of {@code conversion-check validate}: conversion files, format detected,
     * the date in each file's name.
     *
     * @param spark the session
     * @return the check
     */
    public static SparkCheck of(SparkSession spark) {
        return new SparkCheck(spark, () -> FileChecker.builder().build());
    }

    /**
     * Returns the check with a checker of its own.
     *
     * @param spark   the session
     * @param checker builds the checker, once a task; capture nothing that cannot be serialized
     * @return the check
     */
    public static SparkCheck of(SparkSession spark, CheckerFactory checker) {
        return new SparkCheck(spark, checker);
    }

    /**
     * The reports of a check: one Dataset of files, one of violations, computed in one pass over the files (kept
     * on the executors, in memory or on disk, until {@link #unpersist()}).
     */
    public static final class Result {

        private final JavaRDD<FileResult> results;
        private final Dataset<Row> files;
        private final Dataset<Row> violations;

        private Result(JavaRDD<FileResult> results, Dataset<Row> files, Dataset<Row> violations) {
            this.results = results;
            this.files = files;
            this.violations = violations;
        }

        /**
         * Returns one row per file: the JSON report's keys but the violations.
         *
         * @return the files
         */
        public Dataset<Row> files() {
            return files;
        }

        /**
         * Returns one row per listed violation, with its file.
         *
         * @return the violations
         */
        public Dataset<Row> violations() {
            return violations;
        }

        /** Lets the executors drop the reports they keep for the two Datasets. */
        public void unpersist() {
            results.unpersist(false);
        }
    }

    /**
     * Checks the files of paths, each a file, a folder or a glob that Spark reads.
     *
     * @param paths the inputs
     * @return the reports
     */
    public Result check(String... paths) {
        boolean java8Dates = java8Dates();
        JavaRDD<FileResult> results = files(paths).mapPartitions(check(checker))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> files = spark.createDataFrame(results.map(result -> result.toRow(java8Dates)),
                FileResult.FILES);
        Dataset<Row> violations = spark.createDataFrame(results.flatMap(result -> result.violationRows().iterator()),
                FileResult.VIOLATIONS);
        return new Result(results, files, violations);
    }

    /**
     * Reads the typed rows of conversion files: the valid records, each with its file and line, streamed by the
     * tasks. The checker's profile must be a conversion profile.
     *
     * @param paths the inputs: files, folders or globs
     * @return the rows, schema {@link #CONVERSION_ROWS}
     */
    public Dataset<Row> conversionRows(String... paths) {
        boolean java8Dates = java8Dates();
        CheckerFactory factory = checker;
        FlatMapFunction<Iterator<Tuple2<String, PortableDataStream>>, Row> rows = files -> new Chained<>(files,
                factory, (check, name, stream) -> {
                    TypedRows<ConversionRow> typed = check.conversionRows(name, stream.open());
                    return new Mapped<>(typed, row -> {
                        LocalDate day = row.date();
                        return RowFactory.create(name, typed.lastLine(), row.url(),
                                java8Dates ? day : Date.valueOf(day), row.channel(), row.device(),
                                row.transactions(), row.revenue());
                    });
                });
        return spark.createDataFrame(files(paths).mapPartitions(rows), CONVERSION_ROWS);
    }

    /**
     * Reads the typed records of CRM feeds: the valid records, each with its file and line, streamed by the tasks.
     * The checker's profile must be a CRM profile.
     *
     * @param paths the inputs: files, folders or globs
     * @return the records, schema {@link #CRM_RECORDS}
     */
    public Dataset<Row> crmRecords(String... paths) {
        CheckerFactory factory = checker;
        FlatMapFunction<Iterator<Tuple2<String, PortableDataStream>>, Row> records = files -> new Chained<>(files,
                factory, (check, name, stream) -> {
                    TypedRows<CrmRecord> typed = check.crmRecords(name, stream.open());
                    return new Mapped<>(typed, crm -> RowFactory.create(name, typed.lastLine(), crm.id(),
                            crm.createdAt().toString(), crm.updatedAt().toString(), crm.currency(),
                            crm.total(), crm.status(), crm.userId()));
                });
        return spark.createDataFrame(files(paths).mapPartitions(records), CRM_RECORDS);
    }

    private JavaPairRDD<String, PortableDataStream> files(String... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("name at least one path");
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // Each file is one record of the RDD, read whole by the task that holds it, and never split.
        return context.binaryFiles(String.join(",", paths), context.defaultParallelism());
    }

    private boolean java8Dates() {
        return Boolean.parseBoolean(spark.conf().get("spark.sql.datetime.java8API.enabled", "false"));
    }

    private static FlatMapFunction<Iterator<Tuple2<String, PortableDataStream>>, FileResult> check(
            CheckerFactory factory) {
        return files -> {
            FileChecker checker = factory.get();
            List<FileResult> results = new ArrayList<>();
            while (files.hasNext()) {
                Tuple2<String, PortableDataStream> file = files.next();
                results.add(FileResult.of(checker.check(file._1(), file._2().open())));
            }
            return results.iterator();
        };
    }

    /** Opens the typed rows of one file as rows of the Dataset. */
    @FunctionalInterface
    private interface Opener<T> {
        Mapped<T> open(FileChecker checker, String name, PortableDataStream stream);
    }

    /** The rows of one file, mapped to the Dataset's rows, closed at their end. */
    private static final class Mapped<T> implements Iterator<Row>, AutoCloseable {

        private final TypedRows<T> rows;
        private final Iterator<T> iterator;
        private final Function<T, Row> mapping;

        Mapped(TypedRows<T> rows, Function<T, Row> mapping) {
            this.rows = rows;
            this.iterator = rows.iterator();
            this.mapping = mapping;
        }

        @Override
        public boolean hasNext() {
            return iterator.hasNext();
        }

        @Override
        public Row next() {
            return mapping.apply(iterator.next());
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    /** The rows of a task's files, one file after the other, each opened when the previous one ends. */
    private static final class Chained<T> implements Iterator<Row> {

        private final Iterator<Tuple2<String, PortableDataStream>> files;
        private final FileChecker checker;
        private final Opener<T> opener;
        private @Nullable Mapped<T> current;

        Chained(Iterator<Tuple2<String, PortableDataStream>> files, CheckerFactory factory, Opener<T> opener) {
            this.files = files;
            this.checker = factory.get();
            this.opener = opener;
        }

        @Override
        public boolean hasNext() {
            while (true) {
                Mapped<T> rows = current;
                if (rows != null) {
                    if (hasMore(rows)) {
                        return true;
                    }
                    rows.close();
                    current = null;
                }
                if (!files.hasNext()) {
                    return false;
                }
                Tuple2<String, PortableDataStream> file = files.next();
                try {
                    current = opener.open(checker, file._1(), file._2());
                } catch (UncheckedIOException e) {
                    // A file that cannot be read has no rows; its report says why.
                    current = null;
                }
            }
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return Objects.requireNonNull(current).next();
        }

        /** A file whose reading fails part of the way ends there; its report says so (FILE_UNREADABLE). */
        private static boolean hasMore(Mapped<?> rows) {
            try {
                return rows.hasNext();
            } catch (UncheckedIOException e) {
                return false;
            }
        }
    }
}
