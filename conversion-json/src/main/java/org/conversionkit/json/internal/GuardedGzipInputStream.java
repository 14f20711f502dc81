package org.conversionkit.json.internal;

import java.io.IOException;
import java.io.InputStream;
import org.conversionkit.model.internal.GzipMembers;

/**
 * Decompresses gzip data, every member ({@link GzipMembers}), turning its format errors (a corrupt header or
 * body, data cut short, bytes after the last member) into {@link CorruptGzipException}s, so that they are told
 * apart from a failing disk.
 */
final class GuardedGzipInputStream extends InputStream {

    private final GzipMembers in;

    /**
     * Reads the gzip header.
     *
     * @throws CorruptGzipException if the header is corrupt or cut short
     * @throws IOException          if the input cannot be read
     */
    GuardedGzipInputStream(InputStream raw) throws IOException {
        try {
            this.in = new GzipMembers(raw);
        } catch (GzipMembers.FormatException e) {
            throw new CorruptGzipException(e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return in.read();
        } catch (GzipMembers.FormatException e) {
            throw new CorruptGzipException(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return in.read(buffer, offset, length);
        } catch (GzipMembers.FormatException e) {
            throw new CorruptGzipException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
