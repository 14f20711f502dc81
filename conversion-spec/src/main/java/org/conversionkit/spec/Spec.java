package org.conversionkit.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Loads the case files under {@code spec/} on the class path (this module's resources, in its jar or its
 * {@code target/classes}), each once a JVM.
 *
 * <pre>{@code
 * for (SpecCase c : Spec.load("files/csv.json").cases()) { ... }
 * }</pre>
 */
public final class Spec {

    private static final Map<String, SpecFile> LOADED = new ConcurrentHashMap<>();
    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();
    private static @Nullable Path root;

    private Spec() {
    }

    /**
     * Returns a case file.
     *
     * @param name its path under {@code spec/}, e.g. {@code files/csv.json}
     * @return the file and its cases
     * @throws SpecException when it is missing or not a case file
     */
    public static SpecFile load(String name) {
        return LOADED.computeIfAbsent(name, Spec::read);
    }

    /**
     * Returns every case file under a folder of {@code spec/}, sorted by name.
     *
     * @param folder the folder, e.g. {@code files}; {@code ""} for all
     * @return the files
     */
    public static List<SpecFile> all(String folder) {
        Path base = folder.isEmpty() ? root() : root().resolve(folder);
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && !isInput(f))
                    .map(f -> root().relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"))
                    .sorted().map(Spec::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns a folder of {@code spec/} as files on disk, for what needs a real file (a command line run in its own
     * process, from a folder): copied once a JVM into a temporary directory, deleted when the JVM exits.
     *
     * @param folder the folder, e.g. {@code cli}
     * @return the copy
     */
    public static Path extracted(String folder) {
        return EXTRACTED.computeIfAbsent(folder, Spec::extract);
    }

    private static Path extract(String folder) {
        try {
            Path target = Files.createTempDirectory("spec-" + folder.replace('/', '-'));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(target)));
            Path source = root().resolve(folder);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A temporary directory left behind: nothing else to do at exit.
        }
    }

    /** Inputs live under the folder named as their case file ({@code csv/} beside {@code csv.json}). */
    private static boolean isInput(Path file) {
        for (Path folder = file.getParent(); folder != null && !folder.equals(root()); folder = folder.getParent()) {
            if (Files.exists(folder.resolveSibling(folder.getFileName() + ".json"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the folder {@code spec/} itself: a directory, or a folder of this module's jar.
     *
     * @return its path
     */
    public static synchronized Path root() {
        if (root == null) {
            URL anchor = Objects.requireNonNull(Spec.class.getResource("/spec/README.md"), "spec/README.md");
            try {
                URI uri = anchor.toURI();
                if (uri.getScheme().equals("jar")) {
                    try {
                        FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException e) {
                        // Opened already (by another class loader's copy of this class, or a test).
                    }
                }
                root = Objects.requireNonNull(pathOf(uri).getParent());
            } catch (URISyntaxException | IOException e) {
                throw new SpecException("cannot open the folder spec/ at " + anchor, e);
            }
        }
        return root;
    }

    private static Path pathOf(URI uri) {
        try {
            return Path.of(uri);
        } catch (FileSystemNotFoundException e) {
            throw new SpecException("no file system for " + uri, e);
        }
    }

    private static SpecFile read(String name) {
        Path file = root().resolve(name);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new SpecException(name + ": not UTF-8", e);
        } catch (IOException e) {
            throw new SpecException(name + ": cannot be read (" + e + ")", e);
        }
        String folder = file.getFileName().toString().replaceFirst("\\.json$", "");
        return new SpecFile(name, file.resolveSibling(folder), Node.parse(text, "spec/" + name));
    }
}
