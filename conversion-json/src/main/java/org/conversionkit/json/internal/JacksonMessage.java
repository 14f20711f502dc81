package org.conversionkit.json.internal;

/**
 * The texts of jackson-core's error messages that the JSON readers tell apart, each a start or a part of the
 * message ({@code getOriginalMessage()}, without location): the one place where the readers read the words of a
 * dependency, since jackson-core reports these faults by text alone (its exception types say "syntax error" or
 * "constraint", not which). {@code JacksonMessageTest} provokes each from jackson-core itself and fails, naming
 * the constant, when an upgrade rewords one; every use is {@link #in(String)} or {@link #after(String)}.
 */
enum JacksonMessage {

    /** A limit of {@code StreamReadConstraints}: nesting depth. */
    MAX_NESTING_DEPTH(false, "MaxNestingDepth"),
    /** A limit: string length. */
    MAX_STRING_LENGTH(false, "MaxStringLength"),
    /** A limit: number length. */
    MAX_NUMBER_LENGTH(false, "MaxNumberLength"),
    /** A limit: name length. */
    MAX_NAME_LENGTH(false, "MaxNameLength"),
    /** Bytes that are not UTF-8. */
    INVALID_UTF8(false, "UTF-8"),
    /** A key twice in one object, when duplicates are detected; the key follows, then a closing quote. */
    DUPLICATE_PROPERTY(true, "Duplicate Object property \""),
    /** A word that is no literal ({@code True}, {@code None}); the token follows, up to {@code ':}. */
    UNRECOGNIZED_TOKEN(true, "Unrecognized token '"),
    /** {@code 0x1F}. */
    HEXADECIMAL_NUMBER(false, "hexadecimal number literals"),
    /** {@code NaN}, {@code Infinity}; the token follows, up to {@code ':}. */
    NON_STANDARD_TOKEN(true, "Non-standard token '"),
    /** {@code 007}. */
    LEADING_ZEROS(false, "Leading zeroes not allowed"),
    /** A {@code /*} or {@code //} comment. */
    COMMENT(false, "comment"),
    /** A {@code #} comment. */
    HASH(true, "Unexpected character ('#'"),
    /** A single quote where a name or value starts. */
    SINGLE_QUOTE(true, "Unexpected character (''' (code 39))"),
    /** {@code u'…'}: a Python unicode literal where a name starts. */
    PYTHON_UNICODE_NAME(true, "Unexpected character ('u' (code 117)): was expecting double-quote"),
    /** A comma where it cannot be. */
    COMMA(true, "Unexpected character (',' (code 44))"),
    /** A comma where a value is expected. */
    COMMA_FOR_VALUE(true, "Unexpected character (',' (code 44)): expected a"),
    /** A colon where it cannot be. */
    COLON(true, "Unexpected character (':' "),
    /** A closing bracket or brace that closes nothing, or the wrong thing. */
    CLOSE_MARKER(true, "Unexpected close marker"),
    /** A closing bracket that closes nothing. */
    CLOSE_BRACKET(true, "Unexpected close marker ']'"),
    /** A closing brace that closes nothing. */
    CLOSE_BRACE(true, "Unexpected close marker '}'"),
    /** Of a close marker: an object is open. */
    FOR_OBJECT(false, "for Object"),
    /** The escape {@code \'}. */
    ESCAPED_SINGLE_QUOTE(true, "Unrecognized character escape ''' (code 39)"),
    /** A line feed inside a string. */
    LINE_FEED_IN_STRING(true, "Illegal unquoted character ((CTRL-CHAR, code 10))"),
    /** A carriage return inside a string. */
    CARRIAGE_RETURN_IN_STRING(true, "Illegal unquoted character ((CTRL-CHAR, code 13))"),
    /** A number or literal at the root, followed by something else than white space. */
    NO_SPACE_AFTER_ROOT_VALUE(false, "Expected space separating root-level values");

    private final boolean start;
    private final String text;

    JacksonMessage(boolean start, String text) {
        this.start = start;
        this.text = text;
    }

    /**
     * Returns whether a message is of this kind: starts with the text, or holds it.
     *
     * @param message jackson-core's message, without location
     * @return {@code true} when it is
     */
    boolean in(String message) {
        return start ? message.startsWith(text) : message.contains(text);
    }

    /**
     * Returns what follows the text in a message that starts with it, such as the token of
     * {@link #UNRECOGNIZED_TOKEN}.
     *
     * @param message a message of this kind
     * @return the rest of the message
     * @throws IllegalArgumentException if the message does not start with the text
     */
    String after(String message) {
        if (!message.startsWith(text)) {
            throw new IllegalArgumentException(name() + " is not the start of: " + message);
        }
        return message.substring(text.length());
    }

    /**
     * Returns the text matched.
     *
     * @return the text
     */
    String text() {
        return text;
    }
}
