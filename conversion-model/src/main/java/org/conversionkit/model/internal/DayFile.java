package org.conversionkit.model.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.conversionkit.model.ExportFileName;

/**
 * A day's export file while it is written: the bytes go to a hidden temporary file in the target's folder, which
 * becomes the file under its final name only on {@link #commit()}, so that nothing half-written is ever visible
 * under that name.
 *
 * <p>One file a day: opening refuses when the folder already holds a file of that day with the same prefix (the
 * text before its date: {@code shop-a-2020-09-22.csv} is not a file of the prefix {@code shop-}), unless it is the target itself and the caller asked to replace it. Committing is atomic: without replacing,
 * the temporary file is hard-linked to the final name, which fails if a file appeared there meanwhile; a file
 * system without hard links gets a plain move that checks first. With replacing, an atomic rename takes the place
 * of the old file. Before either, the bytes are forced to the device, so that a crash after the commit does not
 * leave an empty file under the final name.
 *
 * <p>The temporary file is named {@code .NAME.RANDOM.part}: a folder scan for exports (extensions {@code .csv},
 * {@code .json}, ...) never takes it for one.
 */
public final class DayFile {

    private static final String PART = ".part";
    private static final int MAX_TRIES = 16;

    private final Path target;
    private final Path temporary;
    private final boolean replace;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean forceOnClose = true;
    private boolean done;

    private DayFile(Path target, Path temporary, boolean replace, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.replace = replace;
        this.channel = channel;
        this.out = new FilterOutputStream(Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                // Closed by the writer stack above it when it finishes; forced unless the file is discarded.
                if (channel.isOpen()) {
                    flush();
                    if (forceOnClose) {
                        channel.force(true);
                    }
                    channel.close();
                }
            }
        };
    }

    /**
     * Opens the temporary file of a day's export.
     *
     * @param folder    the folder the file goes into; it must exist
     * @param prefix    the text of the name before the date
     * @param day       the day
     * @param extension the extension without its dot, e.g. {@code csv.gz}
     * @param replace   whether an existing file of the same name may be replaced
     * @return the open file
     * @throws FileAlreadyExistsException if the folder holds a file of that day already (and may not replace it)
     * @throws IOException                if the folder cannot be listed or the temporary file cannot be created
     */
    public static DayFile open(Path folder, String prefix, LocalDate day, String extension, boolean replace)
            throws IOException {
        Objects.requireNonNull(folder, "folder");
        String name = ExportFileName.of(prefix, day, extension);
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": no such folder; create it first, the writer does not");
        }
        Path target = folder.resolve(name);
        checkOneADay(folder, prefix, day, name, replace);
        for (int attempt = 0; ; attempt++) {
            Path temporary = folder.resolve("." + name + "." + HexFormat.of().toHexDigits(
                    ThreadLocalRandom.current().nextLong()) + PART);
            try {
                FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return new DayFile(target, temporary, replace, channel);
            } catch (FileAlreadyExistsException e) {
                if (attempt == MAX_TRIES) {
                    throw e;
                }
            }
        }
    }

    private static void checkOneADay(Path folder, String prefix, LocalDate day, String name, boolean replace)
            throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String existing = entry.getFileName().toString();
                // The same prefix: the name's date right after it, so that shop-a-2020-09-22.csv is not a file of
                // the prefix shop-, nor of the empty prefix.
                if (!existing.startsWith(prefix) || !existing.startsWith(day.toString(), prefix.length())
                        || !day.equals(ExportFileName.parse(existing).date())) {
                    continue;
                }
                if (!existing.equals(name)) {
                    throw new FileAlreadyExistsException(entry.toString(), null, "the folder already holds a"
                            + " file of " + day + ": one file a day; remove " + existing + " first to write " + name);
                }
                if (!replace) {
                    throw new FileAlreadyExistsException(entry.toString(), null, "the file of " + day
                            + " exists already: one file a day; ask the writer to replace it to write it again");
                }
            }
        }
    }

    /**
     * Returns the file's final name in its folder.
     *
     * @return the path the file has once committed
     */
    public Path target() {
        return target;
    }

    /**
     * Returns the stream to the temporary file. Closing it forces the bytes to the device and closes the file;
     * it does not commit.
     *
     * @return the stream
     */
    public OutputStream out() {
        return out;
    }

    /**
     * Makes the written file visible under its final name. The stream must be closed before.
     *
     * @throws FileAlreadyExistsException if a file appeared under the final name while writing and may not be
     *                                    replaced; the temporary file is removed
     * @throws IOException                if the move fails; the temporary file is removed
     * @throws IllegalStateException      if the stream is still open, or the file was committed or discarded
     */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("the file is committed or discarded already");
        }
        if (channel.isOpen()) {
            throw new IllegalStateException("close the stream before committing");
        }
        done = true;
        try {
            if (replace) {
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                publishWithoutReplacing();
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void publishWithoutReplacing() throws IOException {
        try {
            // A hard link fails if the name is taken, atomically: no check-then-act race with another writer.
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(target.toString(), null, "a file of that name appeared while"
                    + " writing: one file a day; nothing was replaced");
        } catch (UnsupportedOperationException | IOException e) {
            // No hard links here (FAT, some network file systems): a move that refuses an existing target.
            Files.move(temporary, target);
        }
    }

    /**
     * Removes the temporary file, closing its stream first without forcing it: after a failure, or when the caller
     * gave up. Never throws; does nothing once committed or discarded.
     */
    public void discard() {
        if (done) {
            return;
        }
        done = true;
        forceOnClose = false;
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing to save: the file is removed next.
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // Left behind as .NAME.RANDOM.part, which no reader takes for an export.
        }
    }
}
