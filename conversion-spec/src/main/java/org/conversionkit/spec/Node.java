package org.conversionkit.spec;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * One value of a case file, immutable: an object (its keys in order), a list, a string, a number (kept with its
 * literal), a boolean or JSON null. Each node knows its place ({@link #path()}), so that a case that is wrong says
 * where. A key that is absent and a key whose value is {@code null} are told apart: {@link #has} and
 * {@link #isNull}.
 *
 * <p>Reading a node as what it is not (a string as a number, an absent key) throws {@link SpecException} with the
 * node's path; {@link #only} refuses keys a reader does not know, so that a misspelt expectation fails instead of
 * being skipped.
 */
public final class Node {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final String path;
    private final @Nullable Object value;

    private Node(String path, @Nullable Object value) {
        this.path = path;
        this.value = value;
    }

    /**
     * Parses one JSON document; anything after it, and a key twice in an object, is an error.
     *
     * @param json   the document
     * @param origin where it comes from, the start of every node's path (a file name, "report")
     * @return its root
     * @throws SpecException when the text is not one JSON document
     */
    public static Node parse(String json, String origin) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SpecException(origin + ": no JSON document");
            }
            Node root = read(parser, first, origin + ":");
            if (parser.nextToken() != null) {
                throw new SpecException(origin + ": more than one JSON document");
            }
            return root;
        } catch (tools.jackson.core.JacksonException e) {
            throw new SpecException(origin + ": not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Returns a node of a string, for a value that has no file (a default).
     *
     * @param path  where it stands
     * @param value the string, or {@code null}
     * @return the node
     */
    public static Node ofText(String path, @Nullable String value) {
        return new Node(path, value);
    }

    /**
     * Returns an empty object, for an optional part of a case that is absent.
     *
     * @param path where it would stand
     * @return the node
     */
    public static Node emptyObject(String path) {
        return new Node(path, Map.of());
    }

    private static Node read(JsonParser parser, JsonToken token, String path) {
        switch (token) {
            case START_OBJECT: {
                Map<String, Node> object = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = Objects.requireNonNull(parser.currentName());
                    object.put(name, read(parser, parser.nextToken(), path + "/" + name));
                }
                return new Node(path, Collections.unmodifiableMap(object));
            }
            case START_ARRAY: {
                List<Node> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t, path + "/" + list.size()));
                }
                return new Node(path, List.copyOf(list));
            }
            case VALUE_STRING:
                return new Node(path, parser.getString());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node(path, new JsonNumber(parser.getString(), parser.getDecimalValue()));
            case VALUE_TRUE:
                return new Node(path, true);
            case VALUE_FALSE:
                return new Node(path, false);
            case VALUE_NULL:
                return new Node(path, null);
            default:
                throw new SpecException(path + " unexpected token " + token);
        }
    }

    /** A number: its literal as written and its value. */
    private record JsonNumber(String literal, BigDecimal decimal) {
    }

    /**
     * Returns where this node stands: the file, then the keys and indexes from the root.
     *
     * @return the path, e.g. {@code spec/files/csv.json:/cases/3/expect}
     */
    public String path() {
        return path;
    }

    /**
     * Returns whether this node is JSON {@code null}.
     *
     * @return whether it is null
     */
    public boolean isNull() {
        return value == null;
    }

    /**
     * Returns whether this node is an object.
     *
     * @return whether it is an object
     */
    public boolean isObject() {
        return value instanceof Map;
    }

    /**
     * Returns whether this node is a list.
     *
     * @return whether it is a list
     */
    public boolean isList() {
        return value instanceof List;
    }

    /**
     * Returns whether this node is a string.
     *
     * @return whether it is a string
     */
    public boolean isText() {
        return value instanceof String;
    }

    /**
     * Returns whether this node is a number.
     *
     * @return whether it is a number
     */
    public boolean isNumber() {
        return value instanceof JsonNumber;
    }

    /**
     * Returns whether this node is {@code true} or {@code false}.
     *
     * @return whether it is a boolean
     */
    public boolean isBoolean() {
        return value instanceof Boolean;
    }

    /**
     * Returns whether this object has the key (with any value, {@code null} included).
     *
     * @param key the key
     * @return whether it is there
     */
    public boolean has(String key) {
        return fields().containsKey(key);
    }

    /**
     * Returns the value of a key that must be there.
     *
     * @param key the key
     * @return its value
     */
    public Node get(String key) {
        Node node = fields().get(key);
        if (node == null) {
            throw new SpecException(path + ": no key '" + key + "'");
        }
        return node;
    }

    /**
     * Returns the value of a key, or an empty object when it is absent.
     *
     * @param key the key
     * @return its value, or an empty object
     */
    public Node getOrEmpty(String key) {
        Node node = fields().get(key);
        return node == null ? emptyObject(path + "/" + key) : node;
    }

    /**
     * Returns this object's keys and values, in the order written.
     *
     * @return the entries
     */
    @SuppressWarnings("unchecked")
    public Map<String, Node> fields() {
        if (!(value instanceof Map)) {
            throw new SpecException(path + ": not an object: " + this);
        }
        return (Map<String, Node>) value;
    }

    /**
     * Returns this object's keys, in the order written.
     *
     * @return the keys
     */
    public Set<String> keys() {
        return fields().keySet();
    }

    /**
     * Checks that this object holds no key but those named, so that a misspelt key is an error.
     *
     * @param allowed the keys a reader knows
     * @return this node
     */
    public Node only(String... allowed) {
        List<String> known = List.of(allowed);
        for (String key : keys()) {
            if (!known.contains(key)) {
                throw new SpecException(path + ": unknown key '" + key + "' (known: " + known + ")");
            }
        }
        return this;
    }

    /**
     * Returns this list's elements.
     *
     * @return the elements
     */
    @SuppressWarnings("unchecked")
    public List<Node> list() {
        if (!(value instanceof List)) {
            throw new SpecException(path + ": not a list: " + this);
        }
        return (List<Node>) value;
    }

    /**
     * Returns this list's elements, each a string.
     *
     * @return the strings
     */
    public List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (Node node : list()) {
            texts.add(node.text());
        }
        return List.copyOf(texts);
    }

    /**
     * Returns this string.
     *
     * @return the string
     */
    public String text() {
        if (!(value instanceof String text)) {
            throw new SpecException(path + ": not a string: " + this);
        }
        return text;
    }

    /**
     * Returns this string, or {@code null} for JSON null.
     *
     * @return the string or null
     */
    public @Nullable String textOrNull() {
        return value == null ? null : text();
    }

    /**
     * Returns the string of a key that must be there.
     *
     * @param key the key
     * @return its string
     */
    public String text(String key) {
        return get(key).text();
    }

    /**
     * Returns the string of a key, or a fallback when it is absent.
     *
     * @param key      the key
     * @param fallback the value when absent
     * @return its string or the fallback
     */
    public String text(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }

    /**
     * Returns this number's literal, as written.
     *
     * @return the literal
     */
    public String literal() {
        return number().literal();
    }

    /**
     * Returns this number.
     *
     * @return the value
     */
    public BigDecimal decimal() {
        return number().decimal();
    }

    /**
     * Returns this number, which must be a {@code long}.
     *
     * @return the value
     */
    public long longValue() {
        try {
            return decimal().longValueExact();
        } catch (ArithmeticException e) {
            throw new SpecException(path + ": not a whole number of 64 bits: " + this, e);
        }
    }

    /**
     * Returns this number, which must be an {@code int}.
     *
     * @return the value
     */
    public int intValue() {
        try {
            return decimal().intValueExact();
        } catch (ArithmeticException e) {
            throw new SpecException(path + ": not a whole number of 32 bits: " + this, e);
        }
    }

    /**
     * Returns the number of a key that must be there, a {@code long}.
     *
     * @param key the key
     * @return its value
     */
    public long longValue(String key) {
        return get(key).longValue();
    }

    /**
     * Returns the number of a key, or a fallback when it is absent.
     *
     * @param key      the key
     * @param fallback the value when absent
     * @return its value or the fallback
     */
    public long longValue(String key, long fallback) {
        return has(key) ? longValue(key) : fallback;
    }

    private JsonNumber number() {
        if (!(value instanceof JsonNumber number)) {
            throw new SpecException(path + ": not a number: " + this);
        }
        return number;
    }

    /**
     * Returns this boolean.
     *
     * @return the value
     */
    public boolean bool() {
        if (!(value instanceof Boolean b)) {
            throw new SpecException(path + ": not true or false: " + this);
        }
        return b;
    }

    /**
     * Returns the boolean of a key, or a fallback when it is absent.
     *
     * @param key      the key
     * @param fallback the value when absent
     * @return its value or the fallback
     */
    public boolean bool(String key, boolean fallback) {
        return has(key) ? get(key).bool() : fallback;
    }

    /**
     * Returns the node a path leads to, or {@code null} when it leads nowhere: {@code /}-separated object keys and
     * list indexes, and {@code by_name/NAME}, the element of the current list (or of the current object's
     * {@code fields} list) whose {@code name} is NAME.
     *
     * @param where the path, e.g. {@code files/0/violations/1/code}
     * @return the node, or {@code null}
     */
    public @Nullable Node resolve(String where) {
        Node node = this;
        Iterator<String> segments = List.of(where.split("/")).iterator();
        while (segments.hasNext()) {
            String segment = segments.next();
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals("by_name")) {
                if (!segments.hasNext()) {
                    return null;
                }
                node = byName(node, segments.next());
            } else if (node.isList()) {
                node = index(node.list(), segment);
            } else if (node.isObject()) {
                node = node.fields().get(segment);
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static @Nullable Node byName(Node node, String name) {
        Node items = node.isObject() && node.has("fields") && node.get("fields").isList() ? node.get("fields") : node;
        if (!items.isList()) {
            return null;
        }
        for (Node element : items.list()) {
            if (element.isObject() && element.has("name") && element.get("name").isText()
                    && element.text("name").equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static @Nullable Node index(List<Node> list, String segment) {
        int index;
        try {
            index = Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            return null;
        }
        return index >= 0 && index < list.size() ? list.get(index) : null;
    }

    /**
     * Returns this node as plain Java values, typed as a JSON reader types them: maps (keys in order), lists,
     * strings, booleans, {@code null}, and numbers as {@code Long} (whole, up to 64 bits), {@code BigInteger} (whole,
     * past 64 bits) or {@code BigDecimal} (with a fraction or an exponent); the form {@link Expect} compares.
     *
     * @return the value
     */
    public @Nullable Object plain() {
        if (value instanceof Map) {
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            fields().forEach((key, node) -> map.put(key, node.plain()));
            return Collections.unmodifiableMap(map);
        }
        if (value instanceof List) {
            List<@Nullable Object> plain = new ArrayList<>();
            list().forEach(node -> plain.add(node.plain()));
            return Collections.unmodifiableList(plain);
        }
        if (value instanceof JsonNumber number) {
            String literal = number.literal();
            if (literal.indexOf('.') >= 0 || literal.indexOf('e') >= 0 || literal.indexOf('E') >= 0) {
                return new BigDecimal(literal);
            }
            java.math.BigInteger whole = number.decimal().toBigIntegerExact();
            return whole.bitLength() < Long.SIZE ? (Object) whole.longValue() : whole;
        }
        return value;
    }

    /**
     * Writes this node as compact JSON, with jackson-core's generator and its defaults: keys in order, numbers as
     * written.
     *
     * @return the JSON text
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write(generator);
        }
        return out.toString();
    }

    private void write(JsonGenerator generator) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Map) {
            generator.writeStartObject();
            for (Map.Entry<String, Node> entry : fields().entrySet()) {
                generator.writeName(entry.getKey());
                entry.getValue().write(generator);
            }
            generator.writeEndObject();
        } else if (value instanceof List) {
            generator.writeStartArray();
            for (Node element : list()) {
                element.write(generator);
            }
            generator.writeEndArray();
        } else if (value instanceof JsonNumber number) {
            generator.writeNumber(number.literal());
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else {
            generator.writeString(text());
        }
    }

    /**
     * Two nodes are equal when they hold the same value, wherever they stand: objects with the same keys in the
     * same order and equal values, lists with equal elements, numbers of the same value ({@code 1} and
     * {@code 1.0} are equal).
     */
    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof Node node)) {
            return false;
        }
        if (value instanceof JsonNumber number) {
            return node.value instanceof JsonNumber that && number.decimal().compareTo(that.decimal()) == 0;
        }
        if (value instanceof Map && node.value instanceof Map) {
            return List.copyOf(fields().entrySet()).equals(List.copyOf(node.fields().entrySet()));
        }
        return Objects.equals(value, node.value);
    }

    @Override
    public int hashCode() {
        if (value instanceof JsonNumber number) {
            return number.decimal().signum() == 0 ? 0 : number.decimal().stripTrailingZeros().hashCode();
        }
        return Objects.hashCode(value);
    }

    /** Returns the node as compact JSON. */
    @Override
    public String toString() {
        return toJson();
    }
}
