package org.conversionkit.cli.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
        InputStream raw;
        if (name.equals(STDIN)) {
            raw = new UnclosableInputStream(stdin);
        } else {
            Path path;
            try {
                path = Path.of(name);
            } catch (InvalidPathException e) {
                throw new InputException(name + ": not a valid file name");
            }
            if (Files.isDirectory(path)) {
                throw new InputException(name + ": is a directory, not a file");
            }
            try {
                raw = Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                throw new InputException(name + ": no such file");
            } catch (AccessDeniedException e) {
                throw new InputException(name + ": permission denied");
            } catch (IOException e) {
                throw new InputException(name + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        return new BufferedInputStream(raw, BUFFER);
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing to add: the input was read, or its failure is already reported.
        }
    }

    /** Standard input, which the command must not close. */
    private static final class UnclosableInputStream extends java.io.FilterInputStream {
        UnclosableInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // Standard input belongs to the caller.
        }
    }
}
