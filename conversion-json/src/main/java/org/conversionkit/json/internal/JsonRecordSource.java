package org.conversionkit.json.internal;

import static org.conversionkit.json.internal.JsonInput.openBytes;
import static org.conversionkit.json.internal.JsonInput.openChars;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.conversionkit.json.JsonForm;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.model.CrmProfile;
import org.conversionkit.model.FileProfile;
import org.conversionkit.model.RawRecord;
import org.conversionkit.model.RecordSource;
import org.conversionkit.model.Violation;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.internal.FileInput;
import org.conversionkit.model.internal.HeldRecords;
import org.conversionkit.model.internal.HeldValues;
import org.conversionkit.model.internal.ReadOnce;
import org.conversionkit.model.rules.Problem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * The record source of every JSON reader: reads root values one at a time with jackson-core,
 * hands objects to an {@link ObjectHandler}, and turns everything that goes wrong into a located
 * violation of the record it happens in.
 *
 * <p>Input ({@link JsonInput}): gzip is detected by its magic bytes (corrupt or truncated gzip data is
 * {@code ENCODING}), a UTF-8 byte order mark is skipped, UTF-16 and UTF-32 are refused ({@code ENCODING}), bytes that
 * are not well-formed UTF-8 (overlong forms and surrogates included, which jackson-core would decode)
 * are {@code ENCODING} in the record that holds them, and the {@link JsonForm} is detected from the
 * first row.
 * NDJSON goes to the parser unfiltered; the loose and array forms go through a
 * {@link LooseScanner} that blanks out the commas between rows and the enclosing brackets.
 *
 * <p>Errors: a root value that is not an object is {@code NOT_AN_OBJECT}, and a key twice in a row
 * {@code DUPLICATE_KEY} (the handlers find it), and reading goes on. A syntax error
 * ({@code MALFORMED_JSON}; rows with nothing between them, and rows of an enclosing array without a comma
 * between them, count as one, although the parser would read them), bad bytes ({@code ENCODING}) and any
 * breached limit ({@code RECORD_TOO_LARGE}) reject the record they occur in and end reading: the parser's
 * position after them cannot be trusted. A failure of the input itself is an {@link UncheckedIOException}.
 *
 * <p>Strict NDJSON ({@code ndjson(...)}, a CRM feed): no form is detected; the input goes to the parser through a
 * {@link StrictLines} filter, a line at a time. A line that is not one JSON value ({@code NOT_NDJSON}: single
 * quotes, {@code \'}, a value over several lines, an array of records, commas between records, two values on a
 * line) and a line with a syntax error ({@code MALFORMED_JSON}) reject that line alone, as one record, and reading
 * goes on with the next line: lines are independent, so the next one can be trusted.
 *
 * <p>Lines are counted in 64 bits: by the filter in strict NDJSON; in the other forms, the parser's 32-bit line
 * numbers are read past their wrap ({@link LineNumbers}), and a column the parser cannot count is 0.
 */
public final class JsonRecordSource implements RecordSource, HeldRecords, ReadOnce {

    /** The most the parser reads ahead of what it has parsed: its buffer, with room to spare. */
    private static final long READ_AHEAD = 64 * 1024;


    /** The number of the first line of strict NDJSON, 1 but in tests; 0 for the other forms. */
    private final long strictFirstLine;

    private final Closeable raw;
    private final JsonInput.Opener opener;
    private final @Nullable String name;
    private final FileProfile profile;
    private final JsonLimits limits;
    private final ObjectHandler handler;
    private final long softRecordBound;
    /** What the handler reads each object through. */
    private final JsonCursor cursor;
    private @Nullable Closeable input;
    private @Nullable JsonParser parser;
    /** What turns the parser's byte columns into characters (byte input, but strict NDJSON), or {@code null}. */
    private @Nullable Utf8CheckingInputStream columns;
    private @Nullable ReadAhead counter;
    private @Nullable LooseScanner scanner;
    /** The filter of strict NDJSON's lines, or {@code null} for the other forms. */
    private @Nullable StrictLines lines;
    /** The factory of the parsers of strict NDJSON's lines, or {@code null}. */
    private @Nullable JsonFactory factory;
    /** Strict NDJSON: the last line to skip before reading on, after a rejected line; 0 for none. */
    private long skipThrough;
    /** Strict NDJSON: whether the parser cannot go on, so that a new one reads from the next line. */
    private boolean restart;
    /** The parser's 32-bit line numbers read in 64 bits (the forms but strict NDJSON). */
    private final LineNumbers lineNumbers = new LineNumbers();
    private JsonForm form = JsonForm.NDJSON;
    private @Nullable Problem openingProblem;
    private boolean started;
    /** Whether a record was asked for ({@link ReadOnce}). */
    private boolean begun;
    private boolean closed;
    private long records;
    private long blankLines;
    private long lastEndLine;
    /** Where the last record ended (NDJSON), to find a row that follows it with nothing between; -1 before. */
    private long lastEndOffset = -1;
    private long recordLine;
    private boolean done;
    /** The record {@link #advance()} read last: {@link ObjectHandler#HELD} while its values are held. */
    private @Nullable RawRecord current;

    private JsonRecordSource(Closeable raw, JsonInput.Opener opener, @Nullable String name, FileProfile profile,
            JsonLimits limits, ObjectHandler handler, long strictFirstLine) {
        this.raw = raw;
        this.strictFirstLine = strictFirstLine;
        this.opener = opener;
        this.name = name;
        this.profile = Objects.requireNonNull(profile, "profile");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.handler = Objects.requireNonNull(handler, "handler");
        long max = limits.maxRecordSize();
        long hardRecordBound = max > Long.MAX_VALUE - READ_AHEAD ? Long.MAX_VALUE : max + READ_AHEAD;
        this.softRecordBound = max - READ_AHEAD;
        this.cursor = new JsonCursor(this, limits, hardRecordBound);
    }

    /**
     * Reads a byte stream, gzip-compressed or not; the source owns and closes it. Nothing is read before the
     * first record (or the form) is asked for.
     *
     * @param in      the bytes
     * @param name    the input's name as given (a file's path), or {@code null} for none
     * @param profile the profile the records are read for
     * @param limits  the limits
     * @param handler reads each object
     * @return the source
     */
    public static JsonRecordSource of(InputStream in, @Nullable String name, FileProfile profile, JsonLimits limits,
            ObjectHandler handler) {
        Objects.requireNonNull(in, "in");
        return new JsonRecordSource(in, (l, h, f) -> openBytes(in, name, l, h, f), name, profile, limits, handler, 0);
    }

    /**
     * Reads a byte stream, gzip-compressed or not, as strict NDJSON, one JSON value a line (a CRM feed): a line
     * that is not is {@code NOT_NDJSON}, a line with a syntax error {@code MALFORMED_JSON}, and reading goes on
     * with the next line. The source owns and closes the stream; nothing is read before the first record is asked
     * for.
     *
     * @param in      the bytes
     * @param name    the input's name as given (a file's path), or {@code null} for none
     * @param profile the profile the records are read for
     * @param limits  the limits
     * @param handler reads each object
     * @return the source
     */
    public static JsonRecordSource ndjson(InputStream in, @Nullable String name, FileProfile profile,
            JsonLimits limits, ObjectHandler handler) {
        return ndjson(in, name, profile, limits, handler, 1);
    }

    /** {@link #ndjson(InputStream, String, FileProfile, JsonLimits, ObjectHandler)} from a line number, for tests. */
    static JsonRecordSource ndjson(InputStream in, @Nullable String name, FileProfile profile, JsonLimits limits,
            ObjectHandler handler, long firstLine) {
        Objects.requireNonNull(in, "in");
        return new JsonRecordSource(in, (l, h, f) -> openBytes(in, name, l, h, f), name, profile, limits, handler,
                firstLine);
    }

    /**
     * Reads a char stream as strict NDJSON, as {@link #ndjson(InputStream, String, FileProfile, JsonLimits,
     * ObjectHandler)} reads bytes; the source owns and closes it. A leading byte order mark is skipped.
     *
     * @param in      the text
     * @param name    the input's name as given, or {@code null} for none
     * @param profile the profile the records are read for
     * @param limits  the limits
     * @param handler reads each object
     * @return the source
     */
    public static JsonRecordSource ndjson(Reader in, @Nullable String name, FileProfile profile, JsonLimits limits,
            ObjectHandler handler) {
        Objects.requireNonNull(in, "in");
        return new JsonRecordSource(in, (l, h, f) -> openChars(in, l, h, f), name, profile, limits, handler, 1);
    }

    /**
     * Reads a char stream; the source owns and closes it. A leading byte order mark is skipped. Nothing is read
     * before the first record (or the form) is asked for.
     *
     * @param in      the text
     * @param name    the input's name as given, or {@code null} for none
     * @param profile the profile the records are read for
     * @param limits  the limits
     * @param handler reads each object
     * @return the source
     */
    public static JsonRecordSource of(Reader in, @Nullable String name, FileProfile profile, JsonLimits limits,
            ObjectHandler handler) {
        Objects.requireNonNull(in, "in");
        return new JsonRecordSource(in, (l, h, f) -> openChars(in, l, h, f), name, profile, limits, handler, 0);
    }

    /**
     * Opens a file for the schema inference, whose records are never validated (profile {@code crm}).
     *
     * @param path    the file
     * @param limits  the limits
     * @param handler reads each object
     * @return the source
     * @throws IOException if the file cannot be opened
     */
    public static JsonRecordSource open(Path path, JsonLimits limits, ObjectHandler handler) throws IOException {
        Objects.requireNonNull(path, "path");
        return of(FileInput.open(path), path.toString(), CrmProfile.DEFAULT, limits, handler);
    }

    /**
     * Reads a byte stream for the schema inference (profile {@code crm}); the source owns and closes it.
     *
     * @param in      the bytes
     * @param limits  the limits
     * @param handler reads each object
     * @return the source
     */
    public static JsonRecordSource open(InputStream in, JsonLimits limits, ObjectHandler handler) {
        return of(in, null, CrmProfile.DEFAULT, limits, handler);
    }

    /**
     * Reads a char stream for the schema inference (profile {@code crm}); the source owns and closes it.
     *
     * @param in      the text
     * @param limits  the limits
     * @param handler reads each object
     * @return the source
     */
    public static JsonRecordSource open(Reader in, JsonLimits limits, ObjectHandler handler) {
        return of(in, null, CrmProfile.DEFAULT, limits, handler);
    }


    /** Opens the input and detects the form, once; a failing input is an {@link UncheckedIOException}. */
    private void start() {
        if (started) {
            return;
        }
        if (done) {
            throw new IllegalStateException("the record source is closed");
        }
        started = true;
        try {
            JsonInput.Opened opened = opener.open(limits, handler, strictFirstLine);
            input = opened.input();
            counter = opened.counter();
            form = opened.form();
            openingProblem = opened.problem();
            scanner = opened.scanner();
            parser = opened.parser();
            cursor.use(parser, counter);
            lines = opened.lines();
            factory = opened.factory();
            columns = opened.columns();
        } catch (IOException e) {
            done = true;
            throw new UncheckedIOException("cannot read the input: " + e.getMessage(), e);
        }
    }




    /**
     * Returns the form detected from the first row; detecting it reads the start of the input. Strict NDJSON is
     * {@link JsonForm#NDJSON}, whatever its first row.
     *
     * @return the form
     * @throws UncheckedIOException if the input cannot be read
     */
    public JsonForm form() {
        start();
        return form;
    }

    @Override
    public @Nullable RawRecord next() {
        if (cursor.holding()) {
            return advance() ? record() : null;
        }
        return read();
    }

    /** Reads the next record: built, or {@link ObjectHandler#HELD} while holding. */
    private @Nullable RawRecord read() {
        begun = true;
        if (closed) {
            // As the CSV source does: a closed source is not a source at its end.
            throw new IllegalStateException("the record source is closed");
        }
        if (done) {
            return null;
        }
        start();
        Problem opening = openingProblem;
        if (opening != null || parser == null) {
            openingProblem = null;
            return terminal(1, 0, opening != null ? opening : JsonInput.UTF16_OR_32);
        }
        StrictLines strictLines = lines;
        if (strictLines != null) {
            return nextLine(strictLines);
        }
        JsonParser p = parser;
        ReadAhead bytes = Objects.requireNonNull(counter);
        // Round again after a plain row the handler checked and did not build.
        while (true) {
            try {
                JsonToken token = p.nextToken();
                if (token == null) {
                    return atEnd(p);
                }
                TokenStreamLocation start = p.currentTokenLocation();
                long line = lineOf(start);
                long column = columnOf(start);
                long record = ++records;
                recordLine = line;
                long offset = offsetOf(start);
                if (record > limits.maxRecords()) {
                    return terminal(line, 0, JsonErrors.tooLarge(tooManyRecords(), line, column));
                }
                String separation = scanner != null ? scanner.separatorProblem(offset)
                        : offset == lastEndOffset ? "two rows with nothing between them: NDJSON holds one row a line;"
                                + " put each row on a line of its own" : null;
                if (separation != null) {
                    return terminal(line, column, new Problem(ViolationCode.MALFORMED_JSON,
                            "JSON syntax error at line " + line + ", column " + column + ": " + separation));
                }
                if (scanner != null && scanner.isAfterClose(offset)) {
                    return terminal(line, column, new Problem(ViolationCode.MALFORMED_JSON,
                            "JSON syntax error at line " + line
                            + ", column " + column + ": content after the closing bracket of the array"
                            + " that holds the rows; put every row inside it"));
                }
                if (form == JsonForm.NDJSON && line > lastEndLine + 1) {
                    blankLines += line - lastEndLine - 1;
                }
                cursor.startRecord(bytes.count());
                RawRecord result = token == JsonToken.START_OBJECT ? handler.readObject(cursor, line, record)
                        : notAnObject(token, line, column, record);
                // The record lies within what the parser was handed since its start, plus its read-ahead:
                // the exact size (a location, an allocation) is only needed near the limit.
                if (form == JsonForm.NDJSON || bytes.count() - cursor.recordBase() > softRecordBound) {
                    TokenStreamLocation end = p.currentLocation();
                    if (offsetOf(end) - offset > limits.maxRecordSize()) {
                        return terminal(line, 0, JsonErrors.tooLarge(recordTooLarge(), lineOf(end), columnOf(end)));
                    }
                    lastEndLine = lineOf(end);
                    // Where an object, array or string ends is exact; a number's or literal's end includes the
                    // character after it, which the parser read to find the end.
                    JsonToken last = p.currentToken();
                    lastEndOffset = last == JsonToken.END_OBJECT || last == JsonToken.END_ARRAY
                            || last == JsonToken.VALUE_STRING ? offsetOf(end) : -1;
                }
                recordLine = 0;
                return result;
            } catch (StopReading e) {
                return stopped(e, p);
            } catch (StreamConstraintsException e) {
                return constraint(e, p);
            } catch (JacksonIOException e) {
                TokenStreamLocation at = p.currentLocation();
                long line = lineOf(at);
                long column = columnOf(at);
                if (e.getCause() instanceof InvalidUtf8Exception invalid && invalid.afterCarriageReturn()) {
                    // The parser stands before the line break that the bad bytes follow.
                    line++;
                    column = 1;
                }
                return failed(Objects.requireNonNull(e.getCause()), line, column);
            } catch (JacksonException e) {
                TokenStreamLocation at = e.getLocation();
                if (at == null) {
                    at = p.currentLocation();
                }
                long line = lineOf(at);
                long column = columnOf(at);
                return terminal(line, column, JsonErrors.syntax(e, line, column, form,
                        p.streamReadContext().inRoot()));
            }
        }
    }

    /**
     * Reads the next record of a feed in strict NDJSON: the value of the next line that is not blank. A line that
     * is not NDJSON ({@code NOT_NDJSON}, found by the {@link StrictLines}) and a line with a syntax error
     * ({@code MALFORMED_JSON}, found by the parser) reject that line alone: its rest is skipped, and reading goes on
     * with the next line, with a new parser when the one reading could not go on. Bad bytes and breached limits
     * end reading, as in every form.
     */
    private @Nullable RawRecord nextLine(StrictLines strict) {
        ReadAhead bytes = Objects.requireNonNull(counter);
        while (true) {
            JsonParser p = Objects.requireNonNull(parser);
            try {
                if (skipThrough > 0) {
                    long last = skipThrough;
                    skipThrough = 0;
                    strict.skipThrough(last);
                    if (restart) {
                        restart = false;
                        p.close();
                        p = strict.newParser(Objects.requireNonNull(factory));
                        parser = p;
                        cursor.use(p, counter);
                    }
                }
                JsonToken token = p.nextToken();
                if (token == null) {
                    if (strict.fault() != null) {
                        return notNdjson(strict, 0);
                    }
                    done = true;
                    return null;
                }
                TokenStreamLocation start = p.currentTokenLocation();
                long offset = offsetOf(start);
                long line = strict.lineAt(offset);
                long column = strict.columnAt(offset);
                long record = ++records;
                recordLine = line;
                if (record > limits.maxRecords()) {
                    return terminal(line, 0, JsonErrors.tooLarge(tooManyRecords(), line, column));
                }
                cursor.startRecord(bytes.count());
                // The value may not go on to the next line.
                strict.hold(line);
                if (token == JsonToken.START_ARRAY && arrayOfRecords(strict, p, line)) {
                    return notNdjson(strict, record);
                }
                RawRecord result = token == JsonToken.START_OBJECT ? handler.readObject(cursor, line, record)
                        : notAnObject(token, line, column, record);
                strict.release();
                TokenStreamLocation end = p.currentLocation();
                if (offsetOf(end) - offset > limits.maxRecordSize()) {
                    return terminal(line, 0, JsonErrors.tooLarge(recordTooLarge(), lineOf(end), columnOf(end)));
                }
                // Only white space may follow the value on its line.
                strict.finishLine(line, offsetOf(end));
                if (strict.fault() != null) {
                    return notNdjson(strict, record);
                }
                recordLine = 0;
                return result;
            } catch (StopReading e) {
                return stopped(e, p);
            } catch (StreamConstraintsException e) {
                return lineTooLarge(e, strict, p);
            } catch (JacksonIOException e) {
                return failed(Objects.requireNonNull(e.getCause()), strict.line(), strict.nextColumn());
            } catch (IOException e) {
                // From skipping or checking the rest of a line.
                return failed(e, strict.line(), strict.nextColumn());
            } catch (JacksonException e) {
                if (strict.fault() != null && strict.faultHandedOut()) {
                    // The parser met the end of its input that the fault put there.
                    restart = true;
                    return notNdjson(strict, recordLine > 0 ? records : 0);
                }
                TokenStreamLocation at = e.getLocation();
                if (at == null) {
                    at = p.currentLocation();
                }
                long offset = offsetOf(at);
                long line = strict.lineAt(offset);
                long column = strict.columnAt(offset);
                boolean inRoot = p.streamReadContext().inRoot();
                StrictLines.Fault fault = StrictLines.Fault.of(String.valueOf(e.getOriginalMessage()), inRoot);
                if (fault != null) {
                    // Not NDJSON, as the parser found it: single quotes, \', a line break in a string, a comma.
                    strict.fault(fault, line, column);
                    restart = true;
                    return notNdjson(strict, recordLine > 0 ? records : 0);
                }
                long record = recordLine > 0 ? records : ++records;
                long recordStart = recordLine > 0 ? recordLine : line;
                recordLine = 0;
                skipThrough = Math.max(line, strict.fault() != null ? strict.faultLine() : 0);
                restart = true;
                Problem problem = JsonErrors.syntax(e, line, column, JsonForm.NDJSON, inRoot);
                return RawRecord.rejected(recordStart, record, List.of(new Violation(problem.code(),
                        problem.code().defaultSeverity(), line, column, record, null, null, problem.message()
                                + "; the line is skipped, reading goes on with the next one")));
            }
        }
    }

    /**
     * Tells an array of records ({@code [ {…}, …]}, {@code []}) from an array value: reads the array's first token.
     * For an array of records, or a line that ends after its {@code [}, the line gets the fault {@code ARRAY}, and the
     * parser cannot go on; else the parser stands on the first element, which {@link #notAnObject} skips with the
     * rest.
     */
    private boolean arrayOfRecords(StrictLines strict, JsonParser p, long line) {
        JsonToken first;
        try {
            first = p.nextToken();
        } catch (JacksonException e) {
            if (strict.fault() == StrictLines.Fault.SPANS_LINES || strict.fault() == StrictLines.Fault.TRUNCATED) {
                strict.fault(StrictLines.Fault.ARRAY, strict.faultLine(), strict.faultColumn());
            }
            throw e;
        }
        if (first != JsonToken.START_OBJECT && first != JsonToken.END_ARRAY) {
            return false;
        }
        TokenStreamLocation at = p.currentTokenLocation();
        strict.fault(StrictLines.Fault.ARRAY, line, strict.columnAt(offsetOf(at)));
        restart = true;
        return true;
    }

    /**
     * Rejects the line of the fault the {@link StrictLines} found, as a record: the one read on that line, or (0) a
     * new one; the line is skipped before reading on.
     */
    private RawRecord notNdjson(StrictLines strict, long record) {
        StrictLines.Fault fault = Objects.requireNonNull(strict.fault());
        long line = strict.faultLine();
        long number = record > 0 ? record : ++records;
        recordLine = 0;
        skipThrough = line;
        // The parser may hold the rest of the line, or have met the end of its input: a new one reads on.
        restart = true;
        return RawRecord.rejected(line, number, List.of(new Violation(ViolationCode.NOT_NDJSON,
                ViolationCode.NOT_NDJSON.defaultSeverity(), line, strict.faultColumn(), number, null, null,
                fault.message())));
    }

    private RawRecord stopped(StopReading e, JsonParser p) {
        TokenStreamLocation at = p.currentLocation();
        long line = lineOf(at);
        long column = columnOf(at);
        return terminal(line, column, e.code() == ViolationCode.RECORD_TOO_LARGE
                ? JsonErrors.tooLarge(e.problem().message(), line, column) : e.problem());
    }

    private RawRecord constraint(StreamConstraintsException e, JsonParser p) {
        // The exception has no location; the parser still knows where it stands.
        TokenStreamLocation at = p.currentLocation();
        long line = lineOf(at);
        long column = columnOf(at);
        return terminal(line, column, JsonErrors.tooLarge(JsonErrors.constraint(e, limits, p.currentToken()), line,
                column));
    }

    /**
     * A value of a feed's line past a limit of {@link JsonLimits} (nesting, a string, a number, a key): the line is
     * rejected, as a syntax error's is, and reading goes on with the next one, which a new parser reads. The parser
     * stopped at the limit, and the rest of the line is skipped as it streams by: a line that is a record of its own
     * costs no more memory past a limit than before it.
     */
    private RawRecord lineTooLarge(StreamConstraintsException e, StrictLines strict, JsonParser p) {
        long offset = offsetOf(p.currentLocation());
        long line = strict.lineAt(offset);
        long column = strict.columnAt(offset);
        long record = recordLine > 0 ? records : ++records;
        long recordStart = recordLine > 0 ? recordLine : line;
        recordLine = 0;
        skipThrough = Math.max(line, strict.fault() != null ? strict.faultLine() : 0);
        restart = true;
        Problem problem = JsonErrors.tooLarge(JsonErrors.constraint(e, limits, p.currentToken()), line, column);
        return RawRecord.rejected(recordStart, record, List.of(new Violation(problem.code(),
                problem.code().defaultSeverity(), recordStart, 0, record, null, null, problem.message()
                        + "; the line is skipped, reading goes on with the next one")));
    }

    /** The input failed where the parser, or the filter of strict lines, stands: a located record, or unreadable. */
    private RawRecord failed(IOException cause, long line, long column) {
        Problem problem = JsonErrors.input(cause, line, column);
        if (problem == null) {
            done = true;
            throw new UncheckedIOException(cause);
        }
        return terminal(line, column, problem);
    }

    private String tooManyRecords() {
        return "the input holds more records than maxRecords (" + limits.maxRecords() + ") allows; split it";
    }

    private @Nullable RawRecord atEnd(JsonParser p) {
        TokenStreamLocation end = p.currentLocation();
        long line = lineOf(end);
        long column = columnOf(end);
        if (form == JsonForm.NDJSON && line > lastEndLine) {
            blankLines += line - lastEndLine - 1 + (column > 1 ? 1 : 0);
        }
        if (scanner != null && scanner.isUnclosed()) {
            return terminal(line, column, new Problem(ViolationCode.MALFORMED_JSON,
                    "JSON syntax error at line "
                    + line + ", column " + column + ": the input ends before the array that"
                    + " holds the rows is closed: the file looks truncated; end it with ]"));
        }
        done = true;
        return null;
    }

    private RawRecord notAnObject(JsonToken token, long line, long column, long record) {
        String value;
        String kind;
        switch (token) {
            case START_ARRAY:
                JsonToken current = parser().currentToken();
                if (current != JsonToken.START_ARRAY && current != null) {
                    // Strict NDJSON read the first element already (arrayOfRecords).
                    cursor.skipValue(current);
                }
                cursor.skipValue(token);
                value = "[…]";
                kind = "an array";
                break;
            case VALUE_STRING:
                value = parser().getString();
                kind = "a string";
                break;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                value = parser().getString();
                kind = "a number";
                break;
            case VALUE_TRUE:
            case VALUE_FALSE:
            case VALUE_NULL:
                value = parser().getString();
                kind = value;
                break;
            default:
                value = token.asString();
                kind = "'" + value + "'";
                break;
        }
        return RawRecord.rejected(line, record, List.of(new Violation(ViolationCode.NOT_AN_OBJECT,
                ViolationCode.NOT_AN_OBJECT.defaultSeverity(), line, Math.max(0, column), record, null, value,
                "a row must be a JSON object such as {\"url\": …, \"date\": …}, not " + kind)));
    }

    /**
     * Ends reading with a rejected record: the record in progress, or a new one. A syntax error and bad bytes are
     * located where they are (line and column, DESIGN.md section 8); a breached limit concerns the record as a
     * whole, at its line, and its message says where reading stopped.
     */
    private RawRecord terminal(long errorLine, long errorColumn, Problem problem) {
        done = true;
        long line = recordLine > 0 ? recordLine : Math.max(1, errorLine);
        long record = recordLine > 0 ? records : ++records;
        boolean located = problem.code() == ViolationCode.MALFORMED_JSON || problem.code() == ViolationCode.ENCODING;
        long violationLine = located ? Math.max(1, errorLine) : line;
        long column = located && errorLine >= 1 ? Math.max(0, errorColumn) : 0;
        return RawRecord.rejected(line, record, List.of(new Violation(problem.code(), problem.code().defaultSeverity(),
                violationLine, column, record, null, null, problem.message())));
    }

    /**
     * Returns the line of a location of the parser, in 64 bits: the parser's own line numbers are 32-bit.
     *
     * @param at the location
     * @return the 1-based line
     */
    long lineOf(TokenStreamLocation at) {
        StrictLines strict = lines;
        return strict != null ? strict.lineAt(offsetOf(at)) : lineNumbers.line(at.getLineNr());
    }

    /**
     * Returns the column of a location of the parser on its {@link #lineOf line}, in characters, or 0 when unknown
     * (the parser's own columns are 32-bit, and count bytes of byte input: {@link
     * Utf8CheckingInputStream#charColumn(long, long)} counts the characters).
     *
     * @param at the location
     * @return the 1-based column, or 0
     */
    long columnOf(TokenStreamLocation at) {
        StrictLines strict = lines;
        if (strict != null) {
            return strict.columnAt(offsetOf(at));
        }
        long column = LineNumbers.column(at.getColumnNr());
        Utf8CheckingInputStream bytes = columns;
        return bytes != null ? bytes.charColumn(offsetOf(at), column) : column;
    }

    private static long offsetOf(TokenStreamLocation location) {
        long bytes = location.getByteOffset();
        return bytes >= 0 ? bytes : location.getCharOffset();
    }

    private JsonParser parser() {
        return Objects.requireNonNull(parser);
    }

    private String recordTooLarge() {
        return JsonCursor.recordTooLarge(limits);
    }

    @Override
    public boolean begun() {
        return begun;
    }

    @Override
    public boolean advance() {
        cursor.hold(true);
        current = read();
        return current != null;
    }

    @Override
    public @Nullable HeldValues held() {
        return current == ObjectHandler.HELD ? handler.held() : null;
    }

    @Override
    public RawRecord record() {
        RawRecord record = current;
        if (record == null) {
            throw new IllegalStateException("no record: advance() first, and not past the end");
        }
        if (record == ObjectHandler.HELD) {
            record = handler.buildHeld();
            current = record;
        }
        return record;
    }

    @Override
    public long blankLines() {
        StrictLines strict = lines;
        return strict != null ? strict.blankLines() : blankLines;
    }

    @Override
    public String format() {
        return "json";
    }

    @Override
    public FileProfile profile() {
        return profile;
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        done = true;
        try {
            JsonParser opened = parser;
            if (opened != null) {
                opened.close();
            }
            Closeable layers = input;
            (layers != null ? layers : raw).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        }
    }
}
