package org.conversionkit.files.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A caller's stream held to the contract of {@link InputStream#read(byte[], int, int)}: a read of one byte or more
 * blocks until a byte comes or the stream ends. A stream that gives 0 bytes instead (a broken adapter, a
 * non-blocking source) would read as ended, and the check of a file cut short as that of a whole file: it fails the
 * read instead, so that the report says the input could not be read to its end. Mark and reset are the stream's.
 */
public final class NoEmptyReads extends FilterInputStream {

    /**
     * Wraps a stream.
     *
     * @param in the stream
     */
    public NoEmptyReads(InputStream in) {
        super(in);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n == 0 && length > 0) {
            throw new IOException("the stream gave no bytes without ending (InputStream.read returned 0 for "
                    + length + " bytes), so it could not be read to its end");
        }
        return n;
    }
}
