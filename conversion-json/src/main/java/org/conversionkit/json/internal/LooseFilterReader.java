package org.conversionkit.json.internal;

import java.io.FilterReader;
import java.io.IOException;

/** Applies a {@link LooseScanner} to a char stream, in place. */
final class LooseFilterReader extends FilterReader {

    private final LooseScanner scanner;

    LooseFilterReader(PeekReader in, LooseScanner scanner) {
        super(in);
        this.scanner = scanner;
    }

    @Override
    public int read() throws IOException {
        int c = in.read();
        return c < 0 ? c : scanner.next(c);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            int c = buffer[i];
            int replaced = scanner.next(c);
            if (replaced != c) {
                buffer[i] = (char) replaced;
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
