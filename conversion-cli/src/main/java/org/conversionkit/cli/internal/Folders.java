package org.conversionkit.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.conversionkit.files.FileFormat;
import org.jspecify.annotations.Nullable;

/** Turns the folders named on the command line into their files, in a stable order. */
final class Folders {

    private Folders() {
    }

    /**
     * Returns the inputs to check: each name as given, but a folder replaced by its files, sorted by path (its
     * subfolders' too with {@code recursive}), those a {@code glob} on the file name selects or, without one, those
     * whose extension names a format ({@code .csv .tsv .txt .json .ndjson .jsonl}, with {@code .gz}): regular files,
     * and links whose target is missing, which are reported as files that cannot be read.
     *
     * @throws UsageException when {@code --recursive} or {@code --glob} is given without a folder, or a folder
     *                        holds no file to check
     */
    static List<String> expand(List<String> names, boolean recursive, @Nullable String glob) {
        PathMatcher matcher = glob == null ? null : matcher(glob);
        List<String> inputs = new ArrayList<>(names.size());
        boolean folder = false;
        for (String name : names) {
            Path path = name.equals(Inputs.STDIN) ? null : Inputs.path(name);
            if (path == null || !Files.isDirectory(path)) {
                inputs.add(name);
                continue;
            }
            folder = true;
            List<String> found = list(path, recursive, matcher);
            if (found.isEmpty()) {
                throw new UsageException(name + ": the folder holds no file to check ("
                        + (glob == null ? "none with a .csv, .tsv, .txt, .json, .ndjson or .jsonl name, with or without"
                                + " .gz" : "none matches --glob " + glob)
                        + (recursive ? "" : "; --recursive looks in its subfolders") + ")");
            }
            inputs.addAll(found);
        }
        if (!folder && (recursive || glob != null)) {
            throw new UsageException("--recursive and --glob choose the files of a folder: name a folder");
        }
        return inputs;
    }

    private static PathMatcher matcher(String glob) {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--glob: '" + glob + "' is not a pattern: " + e.getMessage());
        }
    }

    private static List<String> list(Path folder, boolean recursive, @Nullable PathMatcher matcher) {
        try (Stream<Path> entries = recursive ? Files.walk(folder) : Files.list(folder)) {
            // A link whose target is missing is a file of the folder that cannot be read: listed, not left out.
            return entries.filter(file -> Files.isRegularFile(file)
                            || (Files.isSymbolicLink(file) && !Files.exists(file)))
                    .filter(file -> matcher != null ? matcher.matches(file.getFileName())
                            : FileFormat.byExtension(file.getFileName().toString()).isPresent())
                    .sorted().map(Path::toString).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException(folder + ": the folder cannot be listed (" + e.getMessage() + ")");
        }
    }
}
