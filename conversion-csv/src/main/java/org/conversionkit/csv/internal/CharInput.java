package org.conversionkit.csv.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import org.conversionkit.model.ViolationCode;
import org.jspecify.annotations.Nullable;

/**
 * An already decoded input: skips a leading byte order mark (U+FEFF), reads at most {@code maxFileBytes}
 * characters, and turns a decoding error of the caller's reader into an {@code ENCODING} failure.
 */
final class CharInput extends Reader {

    private final Reader in;
    private final long maxChars;
    private long charsRead;
    private boolean started;
    private @Nullable InputFailure failure;

    CharInput(Reader in, long maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (length == 0) {
            return 0;
        }
        try {
            int read = readLimited(target, offset, length);
            if (!started && read > 0) {
                started = true;
                if (target[offset] == '\uFEFF') {
                    System.arraycopy(target, offset + 1, target, offset, read - 1);
                    read--;
                    if (read == 0) {
                        read = readLimited(target, offset, length);
                    }
                }
            }
            return read;
        } catch (CharacterCodingException e) {
            failure = new InputFailure(ViolationCode.ENCODING, "the input is not valid text (" + e
                    + "): save the file as UTF-8; reading stops here", e);
            throw failure;
        }
    }

    private int readLimited(char[] target, int offset, int length) throws IOException {
        int room = (int) Math.min(length, maxChars - charsRead);
        if (room == 0) {
            // At the limit: fail only if there is more.
            if (in.read() < 0) {
                return -1;
            }
            failure = new InputFailure(ViolationCode.RECORD_TOO_LARGE, null, "the input has more than "
                    + Text.count(maxChars, "character") + "; the limit maxFileBytes is " + Text.count(maxChars)
                    + ": reading stops here");
            throw failure;
        }
        int read = in.read(target, offset, room);
        if (read > 0) {
            charsRead += read;
        }
        return read;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
