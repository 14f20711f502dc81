package org.conversionkit.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * The formats a conversion file or CRM feed comes in, and how {@code conversion-check} tells them apart: by
 * the file name's extension, else by the content.
 */
public enum FileFormat {
    /** Headerless CSV, any delimiter. */
    CSV("csv"),
    /** JSON rows: NDJSON, or the loose form of conversion exports. */
    JSON("json");

    /** The bytes looked at to tell the format by content. */
    static final int PEEK = 1 << 16;
    /**
     * Decompressed bytes looked at. The compressed bytes read for them are bounded by {@link #PEEK} all the same
     * (a header may hold a name or a comment of any length): past it, the content tells no format, as past
     * {@code PEEK} bytes of plain data.
     */
    private static final int GZIP_PEEK = 1 << 12;

    private final String label;

    FileFormat(String label) {
        this.label = label;
    }

    /**
     * Returns the name reports give the format.
     *
     * @return {@code "csv"} or {@code "json"}
     */
    public String label() {
        return label;
    }

    /**
     * Returns the format a file name's extension gives, ignoring case and a final {@code .gz}: {@code .csv},
     * {@code .tsv} and {@code .txt} are CSV; {@code .json}, {@code .ndjson} and {@code .jsonl} are JSON.
     *
     * @param name a file name or path
     * @return the format, or empty when the extension gives none
     */
    public static Optional<FileFormat> byExtension(String name) {
        String lower = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            lower = lower.substring(0, lower.length() - 3);
        }
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".json") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }

    /**
     * Returns the format the content gives: JSON when the first character after a byte order mark and white
     * space is <code>{</code> or {@code [}, else CSV; gzip data is looked at decompressed. At most the first
     * 64 KiB are looked at (of gzip data, compressed: a header with a longer name or comment gives CSV), and the
     * stream is left where it was: it must support {@link InputStream#mark(int)}.
     *
     * @param in the content, at its start
     * @return the format
     * @throws IOException              if the content cannot be read
     * @throws IllegalArgumentException if the stream does not support mark and reset
     */
    public static FileFormat byContent(InputStream in) throws IOException {
        FileFormat found = byContentIfAny(in);
        return found == null ? CSV : found;
    }

    /**
     * Returns the format the content gives, as {@link #byContent(InputStream)} does, or {@code null} when the
     * content (decompressed, for gzip data) ends before any character but a byte order mark and white space: an
     * empty input has no format to tell, and a CRM feed with no records must not be refused as CSV for it.
     *
     * @param in the content, at its start, supporting mark and reset; left where it was
     * @return the format, or {@code null} for an input that holds nothing but white space
     * @throws IOException if the content cannot be read
     */
    static @Nullable FileFormat byContentIfAny(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("the stream must support mark and reset, as a BufferedInputStream does");
        }
        in.mark(PEEK);
        try {
            int first = in.read();
            int second = in.read();
            in.reset();
            if (first == 0x1F && second == 0x8B) {
                try {
                    return firstCharacter(new GZIPInputStream(new KeepOpen(in, PEEK), 512), GZIP_PEEK);
                } catch (IOException e) {
                    // Corrupt gzip (whichever reader gets it reports an ENCODING violation), or no character in
                    // the first PEEK compressed bytes.
                    return CSV;
                }
            }
            return firstCharacter(in, PEEK);
        } finally {
            in.reset();
        }
    }

    /**
     * Returns the format of a named input: by the name's extension, else by the content.
     *
     * @param name the input's name, or {@code null} for an input without one (standard input)
     * @param in   the content, at its start, supporting mark and reset; left where it was
     * @return the format
     * @throws IOException if the content has to be read and cannot be
     */
    public static FileFormat detect(@Nullable String name, InputStream in)
            throws IOException {
        Optional<FileFormat> byName = name == null ? Optional.empty() : byExtension(name);
        return byName.isPresent() ? byName.get() : byContent(in);
    }

    /** The format the first character gives; {@code null} when the input ends first, CSV past {@code limit}. */
    private static @Nullable FileFormat firstCharacter(InputStream in, int limit) throws IOException {
        for (int i = 0; i < limit; i++) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            boolean skip = b == ' ' || b == '\t' || b == '\r' || b == '\n'
                    || (i < 3 && (b == 0xEF || b == 0xBB || b == 0xBF));
            if (!skip) {
                return b == '{' || b == '[' ? JSON : CSV;
            }
        }
        return CSV;
    }

    /**
     * A view of a stream whose close leaves the stream open (the gzip peek must not close the input), and which
     * ends after {@code limit} bytes, so that the peek never reads past the stream's mark.
     */
    private static final class KeepOpen extends FilterInputStream {

        private int left;

        KeepOpen(InputStream in, int limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, left));
            left -= (int) Math.max(0, skipped);
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return Math.min(in.available(), left);
        }

        @Override
        public void close() {
            // The caller's stream stays open.
        }
    }
}
