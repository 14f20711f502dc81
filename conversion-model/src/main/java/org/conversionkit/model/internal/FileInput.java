package org.conversionkit.model.internal;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Opens a file as a forward-only stream, and says in a few words why one cannot be opened.
 *
 * <p>A regular file is opened through its file system ({@link Files#newInputStream}); anything else (a named
 * pipe, a process substitution {@code <(zcat old.gz)}, {@code /dev/stdin} fed by a pipe) as a plain
 * {@link FileInputStream}, because on Java 17 a channel opened on a pipe fails with "Illegal seek" as soon as a
 * layer above asks how much is available. Nothing above ever seeks or skips.
 */
public final class FileInput {

    private FileInput() {
    }

    /**
     * Opens a file for reading.
     *
     * @param path the file
     * @return the stream, at the file's start
     * @throws IOException if it cannot be opened; {@link #reason(IOException)} says why in words
     */
    public static InputStream open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new FileSystemException(path.toString(), null, "it is a directory, not a file");
        }
        if (Files.isRegularFile(path) || !Files.exists(path)) {
            // A missing file: the file system says so with its own exception type.
            return Files.newInputStream(path);
        }
        return new FileInputStream(path.toFile());
    }

    /**
     * Says why a file could not be opened or read, for a person.
     *
     * @param failure what opening or reading threw
     * @return e.g. {@code "no such file"}, {@code "permission denied"}, or the failure's own message
     */
    public static String reason(IOException failure) {
        if (failure instanceof NoSuchFileException) {
            return "no such file";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof NotDirectoryException) {
            return "a part of its path is not a directory";
        }
        if (failure instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
