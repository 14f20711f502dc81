package org.conversionkit.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the case files of src/test/resources: cases of {@code key[ arg]: value} lines, each case
 * from {@code case: NAME} to {@code end}; {@code #} starts a comment line.
 */
final class Fixtures {

    /** One line of a case. */
    record Line(String key, String arg, String value, int number) {
        @Override
        public String toString() {
            return "line " + number + " '" + key + (arg.isEmpty() ? "" : " " + arg) + ": " + value + "'";
        }
    }

    /** One case: its name and its lines after {@code case:}. */
    record Case(String name, String file, List<Line> lines) {
        @Override
        public String toString() {
            return name;
        }

        List<Line> all(String key) {
            return lines.stream().filter(line -> line.key.equals(key)).toList();
        }

        String one(String key, String fallback) {
            List<Line> found = all(key);
            if (found.size() > 1) {
                throw new IllegalArgumentException(name + ": '" + key + "' given twice");
            }
            return found.isEmpty() ? fallback : found.get(0).value;
        }

        boolean has(String key) {
            return !all(key).isEmpty();
        }
    }

    private Fixtures() {
    }

    static List<Case> read(String resource) {
        InputStream in = Fixtures.class.getResourceAsStream("/" + resource);
        Objects.requireNonNull(in, resource);
        List<Case> cases = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String name = null;
            List<Line> lines = new ArrayList<>();
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                String trimmed = text.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.equals("end")) {
                    if (name == null) {
                        throw new IllegalArgumentException(resource + ":" + number + ": 'end' outside a case");
                    }
                    cases.add(new Case(name, resource, List.copyOf(lines)));
                    name = null;
                    lines.clear();
                    continue;
                }
                int colon = trimmed.indexOf(':');
                String head = colon < 0 ? trimmed : trimmed.substring(0, colon);
                String value = colon < 0 ? "" : trimmed.substring(colon + 1).strip();
                int space = head.indexOf(' ');
                String key = space < 0 ? head : head.substring(0, space);
                String arg = space < 0 ? "" : head.substring(space + 1).strip();
                if (key.equals("case")) {
                    if (name != null) {
                        throw new IllegalArgumentException(resource + ":" + number + ": case '" + name
                                + "' lacks 'end'");
                    }
                    name = value;
                } else if (name == null) {
                    throw new IllegalArgumentException(resource + ":" + number + ": line outside a case");
                } else {
                    lines.add(new Line(key, arg, value, number));
                }
            }
            if (name != null) {
                throw new IllegalArgumentException(resource + ": case '" + name + "' lacks 'end'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
