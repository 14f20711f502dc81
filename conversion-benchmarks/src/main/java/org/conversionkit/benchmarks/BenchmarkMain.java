package org.conversionkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.ProfilerConfig;

/**
 * Runs the benchmarks through JMH's Runner API, with JMH's GC profiler, and prints a table of ops/s, rows/s,
 * bytes allocated per row and the ratios of our passes to the raw parser's on the same data, then whether the
 * targets (full validation at 0.7 times raw parser throughput or more) are met.
 *
 * <pre>{@code
 * ./mvnw -B -q package -DskipTests && java -jar conversion-benchmarks/target/benchmarks.jar
 * java -jar conversion-benchmarks/target/benchmarks.jar -p rows=100000 -wi 2 -i 3   # a quick run
 * java -jar conversion-benchmarks/target/benchmarks.jar -rounds 3   # best of three runs, on a busy machine
 * }</pre>
 *
 * <p>Any JMH command-line option can be given (they are JMH's own: {@code -p}, {@code -f}, {@code -wi},
 * {@code -i}, {@code -rf json}, a benchmark regular expression, ...). Without a regular expression both the
 * CSV and the NDJSON benchmarks run. {@code -rounds N} (ours, not JMH's) runs the whole set N times and keeps
 * each benchmark's best score: on a machine shared with other work the least disturbed measurement.
 */
public final class BenchmarkMain {

    /** Full validation must reach this share of the raw parser's throughput. */
    static final double TARGET = 0.7;
    private static final String ALLOC = "gc.alloc.rate.norm";

    private BenchmarkMain() {
    }

    /**
     * Runs the benchmarks and prints the table.
     *
     * @param args JMH command-line options
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        List<String> jmhArgs = new ArrayList<>(List.of(args));
        int rounds = 1;
        int at = jmhArgs.indexOf("-rounds");
        if (at >= 0) {
            if (at + 1 >= jmhArgs.size() || !jmhArgs.get(at + 1).matches("[1-9][0-9]?")) {
                System.err.println("conversion-benchmarks: -rounds takes a number from 1 to 99");
                System.exit(2);
                return;
            }
            rounds = Integer.parseInt(jmhArgs.get(at + 1));
            jmhArgs.subList(at, at + 2).clear();
        }
        CommandLineOptions command;
        try {
            command = new CommandLineOptions(jmhArgs.toArray(new String[0]));
        } catch (CommandLineOptionException e) {
            System.err.println("conversion-benchmarks: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (command.shouldHelp()) {
            System.out.println("java -jar benchmarks.jar [JMH options]: runs the benchmarks and prints the ratios.");
            try {
                command.showHelp();
            } catch (IOException e) {
                System.err.println("conversion-benchmarks: " + e.getMessage());
            }
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(command);
        if (command.getIncludes().isEmpty()) {
            options.include(CsvBenchmark.class.getName()).include(NdjsonBenchmark.class.getName())
                    .include(CsvWriterBenchmark.class.getName());
        }
        boolean gc = false;
        for (ProfilerConfig profiler : command.getProfilers()) {
            gc |= profiler.getKlass().equals("gc") || profiler.getKlass().equals(GCProfiler.class.getName());
        }
        if (!gc) {
            options.addProfiler(GCProfiler.class);
        }
        String loadBefore = loadAverage();
        Map<String, RunResult> best = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (RunResult result : new Runner(options.build()).run()) {
                // On a shared machine the best of several rounds is the least disturbed measurement.
                String key = result.getParams().getBenchmark() + " " + result.getParams().getParam("rows") + " "
                        + result.getParams().getParam("delimiter");
                RunResult previous = best.get(key);
                if (previous == null || result.getPrimaryResult().getScore() > previous.getPrimaryResult().getScore()) {
                    best.put(key, result);
                }
            }
        }
        System.out.println();
        System.out.println("load average before: " + loadBefore + ", after: " + loadAverage()
                + (rounds > 1 ? "; best of " + rounds + " rounds" : ""));
        System.out.print(table(best.values()));
    }

    private static String loadAverage() {
        try {
            Path load = Path.of("/proc/loadavg");
            return Files.isReadable(load) ? Files.readString(load).trim() : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** One benchmark's figures. */
    private record Line(String format, String input, String pass, long rows, double opsPerSecond, double error,
            double bytesPerRow, boolean raw) {
    }

    /**
     * Formats the results as a table with the ratios to the raw parser and the verdict on the targets.
     *
     * @param results JMH's results
     * @return the text
     */
    static String table(Collection<RunResult> results) {
        List<Line> lines = new ArrayList<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String benchmark = params.getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            boolean writer = benchmark.contains(CsvWriterBenchmark.class.getSimpleName());
            boolean csv = writer || benchmark.contains(CsvBenchmark.class.getSimpleName());
            long rows = Long.parseLong(params.getParam("rows"));
            String delimiter = csv ? params.getParam("delimiter") : null;
            String input = (writer ? "write " : csv ? "CSV " : "")
                    + (csv ? "comma".equals(delimiter) ? "','" : "';'" : "NDJSON");
            Result<?> primary = result.getPrimaryResult();
            double bytes = Double.NaN;
            for (String label : result.getSecondaryResults().keySet()) {
                if (label.endsWith(ALLOC)) {
                    Result<?> allocation = result.getSecondaryResults().get(label);
                    bytes = allocation.getScore() / rows;
                }
            }
            lines.add(new Line(csv ? "csv" : "json", input, method, rows, primary.getScore(), primary.getScoreError(),
                    bytes, method.startsWith("raw")));
        }
        lines.sort(Comparator.comparing(Line::input).thenComparing(Line::rows)
                .thenComparing(line -> order(line.pass())));
        StringBuilder out = new StringBuilder();
        out.append(environment()).append('\n');
        out.append(String.format(Locale.ROOT, "%-10s %-11s %9s %12s %9s %8s %8s %10s%n", "input", "pass", "rows",
                "ops/s", "± err", "Mrows/s", "B/row", "ours/raw"));
        List<String> verdicts = new ArrayList<>();
        for (Line line : lines) {
            Optional<Line> raw = lines.stream().filter(other -> other.raw() && other.input().equals(line.input())
                    && other.rows() == line.rows()).findFirst();
            String ratio = raw.isPresent() && !line.raw()
                    ? String.format(Locale.ROOT, "%.2f", line.opsPerSecond() / raw.get().opsPerSecond())
                    : line.raw() ? "1.00" : "-";
            out.append(String.format(Locale.ROOT, "%-10s %-11s %9d %12.3f %9.3f %8.2f %8.1f %10s%n", line.input(),
                    line.pass(), line.rows(), line.opsPerSecond(), line.error(),
                    line.opsPerSecond() * line.rows() / 1e6, line.bytesPerRow(), ratio));
            if ((line.pass().equals("validate") || line.pass().equals("checkedWriter")) && raw.isPresent()) {
                double value = line.opsPerSecond() / raw.get().opsPerSecond();
                verdicts.add(String.format(Locale.ROOT, "%s %s / %s: %.2f (target >= %.2f): %s", line.input(),
                        line.pass().equals("validate") ? "full validation" : "checked writer", raw.get().pass(),
                        value, TARGET, value >= TARGET ? "met" : "NOT MET"));
            }
        }
        out.append('\n');
        verdicts.forEach(verdict -> out.append(verdict).append('\n'));
        return out.toString();
    }

    private static int order(String pass) {
        return pass.startsWith("raw") ? 0 : pass.equals("source") ? 1 : 2;
    }

    private static String environment() {
        String cpu = "unknown CPU";
        try {
            Path info = Path.of("/proc/cpuinfo");
            if (Files.isReadable(info)) {
                cpu = Files.readAllLines(info).stream().filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            }
        } catch (IOException e) {
            // The CPU's name is a courtesy.
        }
        return String.format(Locale.ROOT, "%s, %d cores | %s %s (%s) | %s | %s%n", cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                // The machine's own zone on purpose: the time the figures were taken, where they were taken.
                ZonedDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
