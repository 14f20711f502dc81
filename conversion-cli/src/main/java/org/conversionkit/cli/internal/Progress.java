package org.conversionkit.cli.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One line of progress on standard error while large work goes on: files done, bytes read, rows a second and the
 * time left, redrawn in place once a second and wiped at the end, so that it never mixes with a report on standard
 * output. Shown only when standard error is a terminal and the work is large.
 *
 * <p>A few lines of our own rather than a progress-bar library: one line of text redrawn with a carriage return
 * is all that is needed, and a library (and the terminal library it brings) would weigh on the command's jar and
 * start-up for it.
 */
final class Progress implements AutoCloseable {

    /** Work below this many bytes (and files) ends before a progress line would help. */
    private static final long LARGE_BYTES = 64L << 20;
    private static final int MANY_FILES = 20;

    private final PrintStream err;
    private final int files;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final @Nullable Thread painter;
    private volatile boolean drawn;

    private Progress(PrintStream err, int files, long totalBytes, boolean show) {
        this.err = err;
        this.files = files;
        this.totalBytes = totalBytes;
        if (show) {
            Thread thread = new Thread(this::paint, "conversion-check-progress");
            thread.setDaemon(true);
            painter = thread;
            thread.start();
        } else {
            painter = null;
        }
    }

    /**
     * Starts the progress of checking files; it shows only when standard error is a terminal and the work is large.
     *
     * @param err        standard error
     * @param quiet      whether progress was turned off
     * @param names      the files, as given
     * @return the progress; close it when done
     */
    static Progress start(PrintStream err, boolean quiet, java.util.List<String> names) {
        long total = 0;
        for (String name : names) {
            total += size(name);
        }
        boolean large = total >= LARGE_BYTES || names.size() >= MANY_FILES;
        return new Progress(err, names.size(), total, !quiet && large && errorIsTerminal());
    }

    /** Counts what passes through a file's stream. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytes.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                int count = super.read(target, offset, length);
                if (count > 0) {
                    bytes.addAndGet(count);
                }
                return count;
            }
        };
    }

    /** Counts a file done and its records. */
    void fileDone(long records) {
        rows.addAndGet(records);
        done.incrementAndGet();
    }

    private void paint() {
        try {
            while (true) {
                Thread.sleep(1000);
                double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
                long read = bytes.get();
                long left = totalBytes > read && read > 0 ? (long) ((totalBytes - read) * seconds / read) : -1;
                String line = String.format(Locale.ROOT, "%d/%d files, %s of %s, %,.0f rows/s%s", done.get(), files,
                        mebibytes(read), mebibytes(totalBytes), rows.get() / seconds,
                        left < 0 ? "" : ", " + left / 60 + "m" + left % 60 + "s left");
                synchronized (this) {
                    err.print("\r" + line + "\u001b[K");
                    err.flush();
                    drawn = true;
                }
            }
        } catch (InterruptedException e) {
            // Done: close() wipes the line.
        }
    }

    @Override
    public void close() {
        Thread thread = painter;
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (drawn) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / 1048576.0);
    }

    private static long size(String name) {
        try {
            Path path = Inputs.path(name);
            return path == null || !Files.isRegularFile(path) ? 0 : Files.size(path);
        } catch (IOException | SecurityException e) {
            return 0;
        }
    }

    /**
     * Returns whether standard error is a terminal: Java 17 has no call for it, and Linux names the device of file
     * descriptor 2 under {@code /proc/self/fd}; elsewhere no progress is shown.
     */
    private static boolean errorIsTerminal() {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
            String device = target.toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException | InvalidPathException e) {
            return false;
        }
    }
}
