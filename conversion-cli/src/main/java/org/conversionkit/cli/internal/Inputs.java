package org.conversionkit.cli.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/** Opens the inputs of {@code validate} and {@code schema}: files, or standard input for {@code -}. */
final class Inputs {

    /** The name of standard input on the command line. */
    static final String STDIN = "-";

    private static final int BUFFER = 1 << 16;
    private static final int PEEK = 1 << 16;
    /** Decompressed bytes looked at: few enough that the compressed ones they take stay within {@link #PEEK}. */
    private static final int GZIP_PEEK = 1 << 12;

    /** The formats {@code validate} reads. */
    enum Format {
        CSV("csv"), JSON("json");

        final String label;

        Format(String label) {
            this.label = label;
        }
    }

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

    /** The format a file name's extension gives ({@code .gz} ignored), or null when it gives none. */
    static @Nullable Format byExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            lower = lower.substring(0, lower.length() - 3);
        }
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return Format.CSV;
        }
        if (lower.endsWith(".json") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
            return Format.JSON;
        }
        return null;
    }

    /**
     * The format the content gives: JSON when the first character after a BOM and white space is
     * {@code {} or {@code [}, else CSV; gzip data is looked at decompressed. The stream is left where
     * it was.
     */
    static Format byContent(InputStream in) throws IOException {
        in.mark(PEEK);
        try {
            int first = in.read();
            int second = in.read();
            in.reset();
            if (first == 0x1F && second == 0x8B) {
                try {
                    return firstCharacter(new GZIPInputStream(new UnclosableInputStream(in), 512), GZIP_PEEK);
                } catch (IOException e) {
                    // Corrupt gzip: whichever reader gets it reports an ENCODING violation.
                    return Format.CSV;
                }
            }
            return firstCharacter(in, PEEK);
        } finally {
            in.reset();
        }
    }

    private static Format firstCharacter(InputStream in, int limit) throws IOException {
        for (int i = 0; i < limit; i++) {
            int b = in.read();
            if (b < 0) {
                return Format.CSV;
            }
            boolean skip = b == ' ' || b == '\t' || b == '\r' || b == '\n'
                    || i < 3 && (b == 0xEF || b == 0xBB || b == 0xBF);
            if (!skip) {
                return b == '{' || b == '[' ? Format.JSON : Format.CSV;
            }
        }
        return Format.CSV;
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
