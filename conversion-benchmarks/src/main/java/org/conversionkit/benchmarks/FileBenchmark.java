package org.conversionkit.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the whole-file benchmarks share, so that their figures are taken the same way: one whole file per
 * operation, throughput in files a second, 4 warm-up and 5 measured iterations of 3 s in one fork; the number of
 * rows; a temporary folder for the files, deleted after the trial. JMH reads these annotations, the {@code rows}
 * parameter and the tear-down from this class for every subclass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public abstract class FileBenchmark {

    /** Rows in the file. */
    @Param({"1000000"})
    public int rows;

    /** The trial's folder, made by the subclass's set-up ({@link BenchmarkFiles#newDirectory()}); null before. */
    Path directory;

    /** Creates the benchmark state. */
    FileBenchmark() {
    }

    /** Deletes the trial's folder and its files. */
    @TearDown(Level.Trial)
    public void deleteFiles() {
        if (directory != null) {
            BenchmarkFiles.delete(directory);
        }
    }
}
