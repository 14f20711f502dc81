package org.conversionkit.json.internal;

import java.io.IOException;
import java.io.Reader;

/**
 * Applies a {@link LooseScanner} to a char stream, in place. A {@link Reader}, not a {@code FilterReader}, so
 * that {@code read()} and {@code skip} read through {@link #read(char[], int, int)} and marks are not supported.
 */
final class LooseFilterReader extends Reader {

    private final Reader in;
    private final LooseScanner scanner;

    LooseFilterReader(Reader in, LooseScanner scanner) {
        this.in = in;
        this.scanner = scanner;
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
    public void close() throws IOException {
        in.close();
    }
}
