package org.conversionkit.cli.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.conversionkit.model.internal.FileInput;
import org.jspecify.annotations.Nullable;

/** Opens the inputs of {@code validate} and {@code schema}: files, or standard input for {@code -}. */
final class Inputs {

    /** The name of standard input on the command line. */
    static final String STDIN = "-";

    private static final int BUFFER = 1 << 16;

    private Inputs() {
    }

    /**
     * Opens a file, or standard input for {@code -}, buffered. Gzip is left to the readers, which
     * report corrupt or truncated gzip data as an {@code ENCODING} violation rather than fail.
     *
     * @throws InputException when the file is missing or cannot be read
     */
    static InputStream open(String name, InputStream stdin) {
        if (name.equals(STDIN)) {
            return standardInput(stdin);
        }
        Path path = path(name);
        if (path == null) {
            throw new InputException(name + ": " + badName(name));
        }
        try {
            return new BufferedInputStream(FileInput.open(path), BUFFER);
        } catch (IOException e) {
            throw new InputException(name + ": " + reason(name, e));
        }
    }

    /** Standard input, buffered, which the command reads but never closes. */
    static InputStream standardInput(InputStream stdin) {
        return new BufferedInputStream(new UnclosableInputStream(stdin), BUFFER);
    }

    /**
     * The path a name on the command line stands for, or null when it names none. An empty name (an unset shell
     * variable, {@code "$FILE"}) names none: as a path it is the working folder, which would be checked instead.
     */
    static @Nullable Path path(String name) {
        if (name.isEmpty()) {
            return null;
        }
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Why a name on the command line is not a file name. */
    static String badName(String name) {
        if (name.isEmpty()) {
            return "an empty name names no file (an unset variable?)";
        }
        return "not a valid file name" + (hasUndecodedBytes(name) ? encodingHint() : "");
    }

    /**
     * Why a file cannot be opened, in words; a name the JVM could not decode from the command line says so, since
     * the file then exists under a name Java cannot spell.
     */
    static String reason(String name, IOException failure) {
        String reason = FileInput.reason(failure);
        return hasUndecodedBytes(name) ? reason + encodingHint() : reason;
    }

    /**
     * Returns whether a name holds characters the JVM could not decode from the command line's bytes: it
     * decodes them in its file-name encoding, and a byte that encoding does not map becomes U+FFFD.
     */
    private static boolean hasUndecodedBytes(String name) {
        return name.indexOf('\uFFFD') >= 0;
    }

    private static String encodingHint() {
        return " (the name holds bytes the JVM cannot decode in its file-name encoding "
                + System.getProperty("sun.jnu.encoding", "unknown") + ", so Java cannot open the file by this"
                + " name: run the command in a UTF-8 locale, e.g. LC_ALL=C.UTF-8, or rename the file)";
    }

    /**
     * Returns whether standard input is closed: a process started with it closed ({@code <&-}) gives its file
     * descriptor 0 to the first file the JVM opens, its own modules file, which the command would then read.
     * Linux names the file of a descriptor under {@code /proc/self/fd}; elsewhere nothing is known and the
     * answer is {@code false}.
     */
    static boolean standardInputIsClosed() {
        Path descriptor = Path.of("/proc/self/fd/0");
        try {
            if (!Files.isSymbolicLink(descriptor)) {
                return false;
            }
            Path target = Files.readSymbolicLink(descriptor);
            Path home = Path.of(System.getProperty("java.home")).toRealPath();
            return target.isAbsolute() && target.normalize().startsWith(home);
        } catch (IOException | SecurityException | InvalidPathException e) {
            return false;
        }
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing to add: the input was read, or its failure is already reported.
        }
    }

    /** Standard input, which the command must not close. */
    private static final class UnclosableInputStream extends FilterInputStream {
        UnclosableInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // Standard input belongs to the caller.
        }
    }
}
