package org.conversionkit.json.internal;

import org.conversionkit.json.JsonForm;
import org.conversionkit.json.JsonLimits;
import org.conversionkit.model.ViolationCode;
import org.conversionkit.model.rules.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * Turns what jackson-core reports into our violations and messages: no Jackson type, feature name
 * or exception text of its own reaches a user unexplained.
 */
final class JsonErrors {

    private static final String PYTHON = "this looks like Python repr output; write JSON (true/false/null, strings in"
            + " double quotes), e.g. with json.dumps";

    private JsonErrors() {
    }

    /** Describes a limit breach the parser reported; the text names our limit. */
    static String constraint(StreamConstraintsException e, JsonLimits limits) {
        String text = String.valueOf(e.getOriginalMessage());
        if (text.contains("MaxNestingDepth")) {
            return "objects and arrays are nested deeper than maxNestingDepth (" + limits.maxNestingDepth()
                    + ") allows";
        }
        if (text.contains("MaxStringLength")) {
            return stringTooLong(limits);
        }
        if (text.contains("MaxNumberLength")) {
            return "a number is longer than maxNumberLength (" + limits.maxNumberLength() + " chars) allows";
        }
        if (text.contains("MaxNameLength")) {
            return "a key is longer than maxNameLength (" + limits.maxNameLength() + " chars) allows";
        }
        return "a parser limit was exceeded (" + clean(text) + ")";
    }

    static String stringTooLong(JsonLimits limits) {
        return "a string is longer than maxStringLength (" + limits.maxStringLength() + " chars) allows";
    }

    /** Describes a syntax or encoding error the parser reported, with where it is. */
    static Problem syntax(JacksonException e, TokenStreamLocation at, JsonForm form, boolean inRoot) {
        String where = " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String text = String.valueOf(e.getOriginalMessage());
        if (text.contains("UTF-8")) {
            return new Problem(ViolationCode.ENCODING, "bytes that are not valid UTF-8" + where + " (" + clean(text)
                    + "): save the file as UTF-8");
        }
        if (e instanceof UnexpectedEndOfInputException) {
            return new Problem(ViolationCode.MALFORMED_JSON, "the input ends inside a value" + where
                    + ": the file looks truncated; write every row whole");
        }
        return new Problem(ViolationCode.MALFORMED_JSON, "JSON syntax error" + where + ": " + explain(text, form,
                inRoot));
    }

    private static String explain(String text, JsonForm form, boolean inRoot) {
        if (text.startsWith("Duplicate Object property \"")) {
            return duplicateKey(text.substring("Duplicate Object property \"".length(), text.length() - 1));
        }
        if (text.startsWith("Unrecognized token '")) {
            String token = quoted(text, "Unrecognized token '".length());
            switch (token) {
                case "True", "False", "None":
                    return "'" + token + "' is not JSON: " + PYTHON;
                case "u", "b":
                    return token + "'…' is a Python string literal, not JSON: " + PYTHON;
                default:
                    return "unrecognized token '" + token + "': a value is a string in quotes, a number, true, false,"
                            + " null, an object or an array";
            }
        }
        if (text.startsWith("Non-standard token '")) {
            String token = quoted(text, "Non-standard token '".length());
            return "'" + token + "' is not a JSON number: write null, or leave the field out";
        }
        if (text.contains("Leading zeroes not allowed")) {
            return "a number with leading zeros: write 7, not 007 (or the string \"007\" to keep the zeros)";
        }
        if (text.contains("comment") || text.startsWith("Unexpected character ('#'")) {
            return "comments are not allowed in JSON; remove them";
        }
        if (text.startsWith("Unexpected character (''' (code 39))")) {
            return "a single quote: the first row is strict JSON, so the file is read as NDJSON, where names and"
                    + " strings take double quotes; write every row the same way";
        }
        if (text.startsWith("Unexpected character ('u' (code 117)): was expecting double-quote")) {
            return "a name must be in quotes; if the text is Python repr output (u'…'), " + PYTHON;
        }
        if (inRoot && text.startsWith("Unexpected character (',' (code 44))")) {
            return form == JsonForm.NDJSON
                    ? "a comma between rows, but the first row is not followed by one, so the file is read as NDJSON"
                            + " (one object a line, no commas); separate every row the same way"
                    : "a comma with no row before it (two commas in a row, or a comma before the first row);"
                            + " remove it";
        }
        if (text.startsWith("Unexpected character (',' (code 44)): expected a")) {
            return "a comma where a value is expected: two commas in a row, or a comma right after an opening"
                    + " bracket; remove it";
        }
        if (inRoot && text.startsWith("Unexpected close marker")) {
            return "a closing bracket with no opening one: " + clean(text);
        }
        return clean(text);
    }

    static String duplicateKey(String key) {
        return "duplicate key '" + key + "': an object with two values for one key is ambiguous; keep one";
    }

    private static String quoted(String text, int from) {
        int end = text.indexOf("':", from);
        return end < 0 ? text.substring(from) : text.substring(from, end);
    }

    /** Drops Jackson's advice about its own features, which a user of this library cannot set. */
    static String clean(String text) {
        String result = text;
        int feature = result.indexOf(": enable `");
        if (feature >= 0) {
            result = result.substring(0, feature);
        }
        feature = result.indexOf(" (not recognized as one since Feature");
        if (feature >= 0) {
            result = result.substring(0, feature);
        }
        return result.isEmpty() ? result : Character.toLowerCase(result.charAt(0)) + result.substring(1);
    }
}
