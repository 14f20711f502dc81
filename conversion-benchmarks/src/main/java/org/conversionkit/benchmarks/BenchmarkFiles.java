package org.conversionkit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories of generated files: created for a trial, deleted after it. */
final class BenchmarkFiles {

    private BenchmarkFiles() {
    }

    /** Creates a fresh temporary directory. */
    static Path newDirectory() {
        try {
            return Files.createTempDirectory("conversion-kit-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory and what it holds. */
    static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The delimiter a benchmark parameter names. */
    static char delimiter(String name) {
        return switch (name) {
            case "comma" -> ',';
            case "semicolon" -> ';';
            default -> throw new IllegalArgumentException("unknown delimiter " + name + ": comma or semicolon");
        };
    }
}
