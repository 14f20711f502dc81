package org.conversionkit.json.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Decompresses gzip data, turning its format errors (a corrupt header or body, data cut short) into
 * {@link CorruptGzipException}s, so that they are told apart from a failing disk.
 */
final class GuardedGzipInputStream extends InputStream {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final GZIPInputStream in;

    /**
     * Reads the gzip header.
     *
     * @throws CorruptGzipException if the header is corrupt or cut short
     * @throws IOException          if the input cannot be read
     */
    GuardedGzipInputStream(InputStream raw) throws IOException {
        try {
            this.in = new GZIPInputStream(raw, BUFFER_SIZE);
        } catch (ZipException | EOFException e) {
            throw new CorruptGzipException(e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return in.read();
        } catch (ZipException | EOFException e) {
            throw new CorruptGzipException(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return in.read(buffer, offset, length);
        } catch (ZipException | EOFException e) {
            throw new CorruptGzipException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
