package org.conversionkit.json.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Applies a {@link LooseScanner} to a byte stream, in place. An {@link InputStream}, not a
 * {@code FilterInputStream}, so that {@code skip} reads through the scanner and marks are not supported.
 */
final class LooseFilterInputStream extends InputStream {

    private final InputStream in;
    private final LooseScanner scanner;

    LooseFilterInputStream(InputStream in, LooseScanner scanner) {
        this.in = in;
        this.scanner = scanner;
    }

    @Override
    public int read() throws IOException {
        int c = in.read();
        return c < 0 ? c : scanner.next(c);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            int c = buffer[i] & 0xFF;
            int replaced = scanner.next(c);
            if (replaced != c) {
                buffer[i] = (byte) replaced;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
