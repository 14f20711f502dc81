package org.conversionkit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Reads a JSON document into maps, lists, strings, numbers, booleans and nulls, for assertions. */
final class JsonTree {

    /** Marks a path that does not resolve. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<absent>";
        }
    };

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    /** Parses one JSON document; anything after it is an error. */
    static Object parse(String json) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("no JSON document");
            }
            Object value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON document");
            }
            return value;
        }
    }

    private static Object read(JsonParser parser, JsonToken token) {
        switch (token) {
            case START_OBJECT:
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, read(parser, parser.nextToken()));
                }
                return object;
            case START_ARRAY:
                List<Object> array = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(read(parser, t));
                }
                return array;
            case VALUE_STRING:
                return parser.getString();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IllegalArgumentException("unexpected token " + token);
        }
    }

    /** JSON null (maps cannot hold Java null in all the places we need). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /**
     * Resolves a path: {@code /}-separated object keys and list indexes, plus {@code by_name/NAME}: the
     * element of the current list (or of the current object's {@code fields} list) whose name is NAME.
     */
    @SuppressWarnings("unchecked")
    static Object resolve(Object root, String path) {
        Object node = root;
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals("by_name")) {
                if (i + 1 >= segments.length) {
                    return MISSING;
                }
                String name = segments[++i];
                Object items = node;
                if (node instanceof Map<?, ?> map && map.get("fields") instanceof List<?>) {
                    items = map.get("fields");
                }
                if (!(items instanceof List<?> list)) {
                    return MISSING;
                }
                node = MISSING;
                for (Object element : list) {
                    if (element instanceof Map<?, ?> map && name.equals(map.get("name"))) {
                        node = element;
                        break;
                    }
                }
                if (node == MISSING) {
                    return MISSING;
                }
            } else if (node instanceof List<?> list) {
                int index;
                try {
                    index = Integer.parseInt(segment);
                } catch (NumberFormatException e) {
                    return MISSING;
                }
                if (index < 0 || index >= list.size()) {
                    return MISSING;
                }
                node = list.get(index);
            } else if (node instanceof Map<?, ?> map) {
                if (!map.containsKey(segment)) {
                    return MISSING;
                }
                node = ((Map<String, Object>) map).get(segment);
            } else {
                return MISSING;
            }
        }
        return node;
    }
}
