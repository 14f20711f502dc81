package org.conversionkit.csv.internal;

/**
 * Chooses the delimiter of a CSV text from its first records (design §7).
 *
 * <p>The first records (up to {@value #MAX_RECORDS}; blank lines and comment lines not counted) are split
 * with each candidate, {@code ,} {@code ;} tab {@code |}, respecting quotes as the reader does ({@link CsvSyntax}:
 * a quote opens a quoted field at the field's start, after white space or not; inside, a doubled quote is a
 * quote). A record cut by the end of the text read is left out; the text read grows past a long first record,
 * up to the parser's buffer and more ({@code CsvRecordSource.maxSniffed}), so that the records after it decide
 * too. The candidate that gives the
 * column layout's field count on the most records wins; if none gives it on any record, the one that gives
 * one same field count above one on the most records; ties go to the earlier candidate; if no candidate
 * splits any record, {@code ,}. So a {@code ;} file with decimal commas is still {@code ;}, and the source's
 * {@code https://domain.tld, 2020-09-22, organic, 1, 10.0} is {@code ,}.
 */
final class DelimiterSniffer {

    /** The candidates, in the order that breaks ties. */
    static final char[] CANDIDATES = {',', ';', '\t', '|'};
    /** The most records read. */
    static final int MAX_RECORDS = 100;

    private DelimiterSniffer() {
    }

    /**
     * Chooses the delimiter.
     *
     * @param text       the first characters of the input
     * @param length     how many of them there are
     * @param complete   whether they are the whole input (else a last record without line break is ignored,
     *                   as it may be cut)
     * @param layoutSize the number of columns of the layout
     * @return the delimiter
     */
    static char sniff(char[] text, int length, boolean complete, int layoutSize) {
        int[][] counts = new int[CANDIDATES.length][];
        for (int c = 0; c < CANDIDATES.length; c++) {
            counts[c] = fieldCounts(text, length, complete, CANDIDATES[c]);
        }
        int best = -1;
        int bestScore = 0;
        for (int c = 0; c < CANDIDATES.length; c++) {
            int score = 0;
            for (int count : counts[c]) {
                if (count == layoutSize) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        if (best < 0) {
            for (int c = 0; c < CANDIDATES.length; c++) {
                int score = mostFrequentSplit(counts[c]);
                if (score > bestScore) {
                    best = c;
                    bestScore = score;
                }
            }
        }
        return best < 0 ? ',' : CANDIDATES[best];
    }

    /** Returns on how many records the most frequent field count above one occurs. */
    private static int mostFrequentSplit(int[] counts) {
        int best = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 2) {
                continue;
            }
            int frequency = 0;
            for (int count : counts) {
                if (count == counts[i]) {
                    frequency++;
                }
            }
            best = Math.max(best, frequency);
        }
        return best;
    }

    /**
     * Returns the field count of each record the text holds with the delimiter, blank lines (white space only,
     * a tab delimiter included) and comment lines left out.
     */
    static int[] fieldCounts(char[] text, int length, boolean complete, char delimiter) {
        int[] counts = new int[MAX_RECORDS];
        int records = 0;
        int i = 0;
        while (i < length && records < MAX_RECORDS) {
            int start = i;
            int fields = 1;
            int state = CsvSyntax.FIELD_START;
            boolean blank = true;
            boolean ended = false;
            while (i < length) {
                char c = text[i++];
                state = CsvSyntax.next(state, c, delimiter);
                if (state == CsvSyntax.FIELD_START && (c == '\n' || c == '\r')) {
                    if (c == '\r' && i < length && text[i] == '\n') {
                        i++;
                    }
                    ended = true;
                    break;
                }
                if (state == CsvSyntax.FIELD_START && c == delimiter) {
                    fields++;
                }
                blank &= state != CsvSyntax.QUOTED && state != CsvSyntax.QUOTE_SEEN && Character.isWhitespace(c);
            }
            if (!ended && !complete) {
                break;
            }
            if (!blank && !isComment(text, start, i)) {
                counts[records++] = fields;
            }
        }
        return java.util.Arrays.copyOf(counts, records);
    }

    /** Whether the record's first non-white-space characters are {@code #}, or {@code //} and a space or nothing. */
    private static boolean isComment(char[] text, int from, int to) {
        int i = from;
        while (i < to && text[i] != '\n' && text[i] != '\r' && Character.isWhitespace(text[i])) {
            i++;
        }
        if (i < to && text[i] == '#') {
            return true;
        }
        return i + 1 < to && text[i] == '/' && text[i + 1] == '/'
                && (i + 2 == to || Character.isWhitespace(text[i + 2]));
    }
}
