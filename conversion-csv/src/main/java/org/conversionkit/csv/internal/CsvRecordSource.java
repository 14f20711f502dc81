package org.conversionkit.csv.internal;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.conversionkit.csv.CsvLimits;
import org.conversionkit.model.ColumnLayout;
import org.conversionkit.model.ConversionProfile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.internal.HeldRecords;
import org.conversionkit.model.internal.HeldValues;
import org.conversionkit.model.internal.ReadOnce;
import org.jspecify.annotations.Nullable;

/**
 * The raw records of one CSV input: strict UTF-8 (gzip decompressed), the delimiter given or sniffed, FastCSV
 * underneath with a {@link RecordHandler}.
 *
 * <p>Nothing is read before the first {@link #next()} or {@link #delimiter()}. Whatever the input holds, no
 * FastCSV exception escapes: an unterminated quote is {@code MALFORMED_CSV}, a field too large for the parser's
 * buffer, too many bytes or records {@code RECORD_TOO_LARGE}, bad bytes or a corrupt gzip stream
 * {@code ENCODING}; each is a violation of the record in progress, which counts as one (invalid) record, and
 * reading ends. Only a failing input (a disk error) surfaces, as an {@link UncheckedIOException}.
 *
 * <p>FastCSV reads RFC 4180; the reader adds Python's {@code skipinitialspace} ({@link CsvSyntax}). The parser reads
 * the input directly as long as it holds neither a quoted value after white space ({@code a, "b,c"}) nor text after
 * a closing quote ({@code "a" ,b}); at the first of either, the handler or the parser stops, and the input is read
 * again from the start of the record through a {@link QuoteFilter}, to its end: the value is a quoted value, and
 * text after a closing quote is {@code MALFORMED_CSV} of its record alone. Only files that need it pay for the
 * filter's step per character.
 */
public final class CsvRecordSource implements RecordSource, HeldRecords, ReadOnce {

    /** The delimiter argument that asks for sniffing. */
    public static final int DETECT = -1;
    /** The characters read ahead to sniff the delimiter. */
    static final int SNIFF_CHARS = 64 * 1024;
    /** The parser's buffer holds one field; twice the field limit fits a quoted field with doubled quotes. */
    private static final int BUFFER_SLACK = 16 * 1024;
    /** The most characters kept for reading a record again. */
    private static final long MAX_KEPT = 8L << 20;

    /** Opens the input: decoding layers over the raw input. */
    @FunctionalInterface
    private interface Opener {
        Reader open() throws IOException;
    }

    private final Closeable raw;
    private final Opener opener;
    private final @Nullable String name;
    private final ConversionProfile profile;
    private final boolean detect;
    private final ColumnLayout layout;
    private final CsvLimits limits;
    private char delimiter;
    private @Nullable Reader input;
    private @Nullable ParserInput parserInput;
    private @Nullable RecordHandler handler;
    private @Nullable CloseableIterator<RawRecord> records;
    private @Nullable RawRecord pending;
    /** Whether records are held ({@link #advance()}). */
    private boolean holding;
    /** The record {@link #advance()} read last: {@link RecordHandler#HELD} while its values are held. */
    private @Nullable RawRecord current;
    private boolean started;
    private boolean done;
    private boolean closed;
    /** Whether a record was asked for ({@link ReadOnce}). */
    private boolean begun;
    /** Whether the parser reads through a {@link QuoteFilter} from the start, as it does after a re-read. */
    private final boolean filtered;

    private CsvRecordSource(Closeable raw, Opener opener, @Nullable String name, int delimiter,
            ConversionProfile profile, CsvLimits limits) {
        this(raw, opener, name, delimiter, profile, limits, false);
    }

    private CsvRecordSource(Closeable raw, Opener opener, @Nullable String name, int delimiter,
            ConversionProfile profile, CsvLimits limits, boolean filtered) {
        this.filtered = filtered;
        this.raw = raw;
        this.opener = opener;
        this.name = name;
        this.detect = delimiter == DETECT;
        this.delimiter = detect ? ',' : (char) delimiter;
        this.profile = Objects.requireNonNull(profile, "profile");
        this.layout = profile.columns();
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Reads a byte stream, which the source closes.
     *
     * @param in        the bytes, plain or gzip-compressed UTF-8
     * @param name      the input's name as given (a file's path), or {@code null} for none
     * @param delimiter the delimiter, or {@link #DETECT} to sniff it
     * @param profile   the profile: its column layout is read here, the rest travels with the records
     * @param limits    the limits
     * @return the source
     */
    public static CsvRecordSource of(InputStream in, @Nullable String name, int delimiter, ConversionProfile profile,
            CsvLimits limits) {
        Objects.requireNonNull(in, "in");
        return new CsvRecordSource(in, () -> Utf8Reader.open(in, name, limits.maxFileBytes(), delimiter == 0), name,
                delimiter, profile, limits);
    }

    /**
     * Reads characters, which the source closes.
     *
     * @param in        the characters
     * @param name      the input's name as given, or {@code null} for none
     * @param delimiter the delimiter, or {@link #DETECT} to sniff it
     * @param profile   the profile
     * @param limits    the limits
     * @return the source
     */
    public static CsvRecordSource of(Reader in, @Nullable String name, int delimiter, ConversionProfile profile,
            CsvLimits limits) {
        Objects.requireNonNull(in, "in");
        return new CsvRecordSource(in, () -> new CharInput(in, limits.maxFileBytes()), name, delimiter, profile,
                limits);
    }

    /**
     * Reads characters through a {@link QuoteFilter} from the first record on, as the source reads after the first
     * record that needs it: for tests that hold the filter to the parser's own reading.
     *
     * @param in        the characters
     * @param delimiter the delimiter, or {@link #DETECT} to sniff it
     * @param profile   the profile
     * @param limits    the limits
     * @return the source
     */
    static CsvRecordSource filtered(Reader in, int delimiter, ConversionProfile profile, CsvLimits limits) {
        return new CsvRecordSource(in, () -> new CharInput(in, limits.maxFileBytes()), null, delimiter, profile,
                limits, true);
    }

    /**
     * Returns the most characters read ahead to sniff the delimiter: {@value #SNIFF_CHARS}, or more when the first
     * records are longer, up to the parser's buffer and {@value #SNIFF_CHARS} more, so that a first record that the
     * parser can read, a field too large included, does not hide the records after it.
     *
     * @param limits the limits
     * @return the characters
     */
    static int maxSniffed(CsvLimits limits) {
        return (int) Math.min(MAX_KEPT, (long) bufferSize(limits) + SNIFF_CHARS);
    }

    /**
     * Returns the most characters a {@link PrefixReader} keeps for reading a record again: a record of
     * {@code maxRecordSize} characters and the parser's read-ahead, at most 8 Mi characters.
     *
     * @param limits the limits
     * @return the characters
     */
    static int maxKept(CsvLimits limits) {
        return (int) Math.min(MAX_KEPT, (long) limits.maxRecordSize() + 2L * bufferSize(limits));
    }

    /**
     * Returns the size of the parser's buffer for the limits: one field of {@code maxFieldSize} characters,
     * every one a doubled quote, plus room for one read.
     *
     * @param limits the limits
     * @return the buffer size in characters
     */
    static int bufferSize(CsvLimits limits) {
        return (int) Math.min(Integer.MAX_VALUE - 16L, 2L * limits.maxFieldSize() + BUFFER_SLACK);
    }

    @Override
    public @Nullable RawRecord next() {
        if (holding) {
            return advance() ? record() : null;
        }
        return read();
    }

    /** Reads the next record: built, or {@link RecordHandler#HELD} while holding. */
    private @Nullable RawRecord read() {
        begun = true;
        if (closed) {
            throw new IllegalStateException("the record source is closed");
        }
        if (done) {
            return null;
        }
        start();
        RawRecord failed = pending;
        if (failed != null) {
            pending = null;
            done = true;
            return failed;
        }
        RecordHandler recordHandler = Objects.requireNonNull(handler);
        while (true) {
            try {
                CloseableIterator<RawRecord> iterator = Objects.requireNonNull(records);
                if (iterator.hasNext()) {
                    RawRecord record = iterator.next();
                    done = recordHandler.stopped();
                    return record;
                }
                done = true;
                return null;
            } catch (CsvParseException e) {
                if (!rereadThroughFilter(e, recordHandler)) {
                    done = true;
                    return parseFailure(e, recordHandler);
                }
            } catch (UncheckedIOException e) {
                return inputFailure(e, recordHandler);
            }
        }
    }

    /**
     * After a quoted value after white space (the handler stops the parser) or text after a closing quote (the
     * parser stops), reads the input again from the start of the record through a {@link QuoteFilter}; returns
     * whether it does, else the failure is the parser's.
     */
    private boolean rereadThroughFilter(CsvParseException e, RecordHandler recordHandler) {
        boolean reread = e.getCause() instanceof RecordHandler.Reread;
        if (!reread && !FastCsvMessage.TEXT_AFTER_QUOTE.in(e.getMessage())) {
            return false;
        }
        long[] from = recordHandler.rereadFrom();
        PrefixReader replay = parserInput instanceof PrefixReader prefixReader ? prefixReader : null;
        if (from == null || replay == null) {
            if (reread) {
                throw new IllegalStateException("the record handler asked to read again from a place not kept", e);
            }
            return false;
        }
        long before = recordHandler.line();
        QuoteFilter filter = new QuoteFilter(replay.replayFrom(from[0]), delimiter, from[1], limits.maxFieldSize());
        recordHandler.reread(filter, from[1], before);
        parserInput = filter;
        records = parser(recordHandler, filter);
        return true;
    }

    private RawRecord inputFailure(UncheckedIOException e, RecordHandler recordHandler) {
        done = true;
        // An UncheckedIOException always has its cause.
        IOException cause = Objects.requireNonNull(e.getCause());
        if (cause instanceof InputFailure failure) {
            return failure(recordHandler.line(), recordHandler.records() + 1, failure.code(), failure.value(),
                    failure.getMessage(), recordHandler.line());
        }
        throw new UncheckedIOException("cannot read the input (record starting at line "
                + recordHandler.line() + "): " + cause.getMessage(), cause);
    }

    /** The parser over an input, with the reader's settings. */
    private CloseableIterator<RawRecord> parser(RecordHandler recordHandler, Reader in) {
        return CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                // allowExtraCharsAfterClosingQuote stays false (its default; the option is deprecated): text
                // after a closing quote makes the source read again through a QuoteFilter.
                .maxBufferSize(bufferSize(limits))
                .build(recordHandler, in)
                .iterator();
    }

    /** Opens the input and sniffs the delimiter, once. */
    private void start() {
        if (started) {
            return;
        }
        started = true;
        try {
            Reader opened = opener.open();
            input = opened;
            char[] prefix = new char[0];
            int length = 0;
            IOException failure = null;
            if (detect) {
                prefix = new char[SNIFF_CHARS];
                boolean complete = false;
                int breaks = 0;
                int most = maxSniffed(limits);
                try {
                    // Up to 100 records are sniffed: stop early on short records rather than wait for a pipe. The
                    // text read grows past a long first record, so that the records after it are sniffed too.
                    while (breaks <= DelimiterSniffer.MAX_RECORDS) {
                        if (length == prefix.length) {
                            if (length >= most) {
                                break;
                            }
                            prefix = Arrays.copyOf(prefix, (int) Math.min(most, 2L * prefix.length));
                        }
                        int read = opened.read(prefix, length, prefix.length - length);
                        if (read < 0) {
                            complete = true;
                            break;
                        }
                        breaks += countLines(prefix, length, length + read);
                        length += read;
                    }
                } catch (InputFailure e) {
                    // Sniff on what could be decoded; the input fails again, in place, when the parser gets there.
                    complete = true;
                } catch (IOException e) {
                    // Sniff on what was read, and check it: the records before a failure are counted, and the
                    // failure comes where the text read ends, as without sniffing.
                    complete = true;
                    failure = e;
                }
                delimiter = DelimiterSniffer.sniff(prefix, length, complete, layout.size());
            }
            PrefixReader replay = new PrefixReader(prefix, length, opened, maxKept(limits), failure);
            RecordHandler recordHandler = new RecordHandler(layout, limits, delimiter);
            recordHandler.hold(holding);
            handler = recordHandler;
            if (filtered) {
                QuoteFilter filter = new QuoteFilter(replay, delimiter, 1, limits.maxFieldSize());
                recordHandler.reread(filter, 1, 0);
                parserInput = filter;
                records = parser(recordHandler, filter);
            } else {
                recordHandler.input(replay);
                parserInput = replay;
                records = parser(recordHandler, replay);
            }
        } catch (InputFailure e) {
            handler = new RecordHandler(layout, limits, delimiter);
            pending = failure(1, 1, e.code(), e.value(), e.getMessage(), 1);
        } catch (IOException e) {
            done = true;
            throw new UncheckedIOException("cannot read the input: " + e.getMessage(), e);
        }
    }

    /** Counts line feeds, and carriage returns not followed by one. */
    private static int countLines(char[] text, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= to || text[i + 1] != '\n'))) {
                lines++;
            }
        }
        return lines;
    }

    private RawRecord parseFailure(CsvParseException e, RecordHandler recordHandler) {
        Throwable cause = e.getCause();
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof RuntimeException bug) {
            // FastCSV wraps what the handler throws; the handler never throws for bad data.
            throw bug;
        }
        String message = String.valueOf(e.getMessage());
        long record = recordHandler.records() + 1;
        long line = recordHandler.line();
        long fieldLine = recordHandler.fieldLine();
        int field = recordHandler.fieldInProgress();
        int column = recordHandler.fieldColumn();
        ParserInput replay = Objects.requireNonNull(parserInput);
        if (FastCsvMessage.BUFFER_OVERFLOW.in(message)) {
            return overflow(replay, recordHandler, line, record, fieldLine, field, column);
        }
        if (replay.ended()) {
            return unterminated(line, record, fieldLine, field, column);
        }
        if (FastCsvMessage.TEXT_AFTER_QUOTE.in(message)) {
            return textAfterQuote(line, record, fieldLine, field, column);
        }
        return failure(line, record, ViolationCode.MALFORMED_CSV, null, "unreadable CSV in field " + field
                + " (line " + fieldLine + "): " + message + "; reading stops here", fieldLine, column);
    }

    /**
     * A field larger than the parser's buffer: too large if unquoted or closed further on, else an unterminated
     * quote, found by reading to the end of the input (see {@link OverflowProbe}).
     */
    private RawRecord overflow(ParserInput replay, RecordHandler recordHandler, long line, long record,
            long fieldLine, int field, int column) {
        OverflowProbe.Outcome outcome;
        try {
            outcome = OverflowProbe.probe(replay.lastTarget(), replay.lastEnd(), delimiter, replay);
        } catch (InputFailure e) {
            return failure(line, record, e.code(), e.value(), e.getMessage(), line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input (record starting at line "
                    + recordHandler.line() + "): " + e.getMessage(), e);
        }
        switch (outcome) {
            case UNTERMINATED:
                return unterminated(line, record, fieldLine, field, column);
            case TEXT_AFTER_QUOTE:
                return textAfterQuote(line, record, fieldLine, field, column);
            case TERMINATED:
                return failure(line, record, ViolationCode.RECORD_TOO_LARGE, null, "field " + field + ", quoted from"
                        + " line " + fieldLine + ", is larger than the parser's buffer of "
                        + Text.count(bufferSize(limits)) + " characters (the limit maxFieldSize is "
                        + Text.count(limits.maxFieldSize()) + "); reading stops here", line);
            default:
                return failure(line, record, ViolationCode.RECORD_TOO_LARGE, null, "field " + field
                        + " is larger than the parser's buffer of " + Text.count(bufferSize(limits))
                        + " characters (the limit maxFieldSize is " + Text.count(limits.maxFieldSize())
                        + "); reading stops here", line);
        }
    }

    private static RawRecord unterminated(long line, long record, long fieldLine, int field, int column) {
        return failure(line, record, ViolationCode.MALFORMED_CSV, null, "field " + field + " opens a quote at"
                + " line " + fieldLine + " that is never closed, so the rest of the file is inside it: close"
                + " the quote, and double every quote inside a quoted field (\"\"); reading stops here",
                fieldLine, column);
    }

    private static RawRecord textAfterQuote(long line, long record, long fieldLine, int field, int column) {
        return failure(line, record, ViolationCode.MALFORMED_CSV, null, "field " + field + " (line "
                + fieldLine + ") has text after its closing quote: a quoted field must end at the delimiter or"
                + " the line end; quote the whole value and double the quotes inside it, e.g. \"a \"\"b\"\" c\";"
                + " reading stops here", fieldLine, column);
    }

    private static RawRecord failure(long line, long record, ViolationCode code, @Nullable String value,
            @Nullable String message, long violationLine) {
        return failure(line, record, code, value, message, violationLine, 0);
    }

    private static RawRecord failure(long line, long record, ViolationCode code, @Nullable String value,
            @Nullable String message, long violationLine, long column) {
        Violation violation = new Violation(code, code.defaultSeverity(), violationLine, column, record, null, value,
                String.valueOf(message));
        return RawRecord.rejected(line, record, List.of(violation));
    }

    @Override
    public boolean begun() {
        return begun;
    }

    @Override
    public boolean advance() {
        if (!holding) {
            holding = true;
            RecordHandler recordHandler = handler;
            if (recordHandler != null) {
                recordHandler.hold(true);
            }
        }
        current = read();
        return current != null;
    }

    @Override
    public @Nullable HeldValues held() {
        RecordHandler recordHandler = handler;
        return current == RecordHandler.HELD && recordHandler != null ? recordHandler.held() : null;
    }

    @Override
    public RawRecord record() {
        RawRecord record = current;
        if (record == null) {
            throw new IllegalStateException("no record: advance() first, and not past the end");
        }
        if (record == RecordHandler.HELD) {
            record = Objects.requireNonNull(handler).buildHeld();
            current = record;
        }
        return record;
    }

    @Override
    public long blankLines() {
        RecordHandler recordHandler = handler;
        return recordHandler == null ? 0 : recordHandler.blankLines();
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public ConversionProfile profile() {
        return profile;
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Returns the delimiter, given or sniffed; sniffing reads the start of the input.
     *
     * @return the delimiter as a one-character string
     * @throws UncheckedIOException if the input cannot be read
     * @throws IllegalStateException if the delimiter has to be sniffed from an input already closed
     */
    @Override
    public Optional<String> delimiter() {
        if (detect && !started) {
            if (closed) {
                throw new IllegalStateException("the record source is closed before its delimiter was sniffed");
            }
            start();
        }
        return Optional.of(String.valueOf(delimiter));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Reader opened = input;
            if (opened != null) {
                opened.close();
            } else {
                raw.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the input: " + e.getMessage(), e);
        }
    }
}
