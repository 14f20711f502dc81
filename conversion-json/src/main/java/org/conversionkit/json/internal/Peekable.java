package org.conversionkit.json.internal;

import java.io.IOException;

/** An input whose start can be looked at before it is read, and that counts what it has handed out. */
interface Peekable {

    /**
     * Returns a character (a byte, for byte input) ahead of the read position, reading more input
     * as needed.
     *
     * @param index 0 for the next unread character
     * @return the character, or -1 past the end of the input
     */
    int peek(int index) throws IOException;

    /** Drops characters ahead of the read position unread and uncounted (a byte order mark). */
    void discard(int count);

    /** Returns the number of characters handed out so far. */
    long count();
}
