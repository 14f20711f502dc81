package org.conversionkit.json.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Applies a {@link LooseScanner} to a byte stream, in place. */
final class LooseFilterInputStream extends FilterInputStream {

    private final LooseScanner scanner;

    LooseFilterInputStream(InputStream in, LooseScanner scanner) {
        super(in);
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
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
