package org.conversionkit.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the tab-separated fixture files of the tests.
 *
 * <p>Format: one case a line, cells separated by a tab; blank lines and lines starting with
 * {@code #} are skipped. A cell may not be empty, so that every case stays readable: {@code <empty>}
 * is the empty string, {@code <null>} is {@code null}. Escapes: {@code \t \n \r \s} (a space, for
 * leading and trailing ones), {@code \\}, and {@code \}{@code uXXXX} (UTF-16 units, so a lone
 * surrogate can be written).
 */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * Reads a fixture file next to a test class.
     *
     * @param test    the test class, whose package names the resource folder
     * @param name    the file name, e.g. {@code url-cases.tsv}
     * @param columns the number of cells every line has (at least); extra cells are notes
     * @return the arguments of one parameterized test a case, the first {@code columns} cells unescaped
     */
    public static List<Object[]> read(Class<?> test, String name, int columns) {
        List<Object[]> cases = new ArrayList<>();
        for (String[] row : rows(test, name, columns)) {
            cases.add(row.clone());
        }
        return cases;
    }

    /**
     * Reads a fixture file next to a test class as rows of cells.
     *
     * @param test    the test class
     * @param name    the file name
     * @param columns the number of cells every line has (at least)
     * @return the rows, the first {@code columns} cells unescaped
     */
    public static List<String[]> rows(Class<?> test, String name, int columns) {
        String path = test.getPackageName().replace('.', '/') + "/" + name;
        InputStream in = test.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("no fixture " + path);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length < columns) {
                    throw new IllegalStateException(path + ":" + number + ": " + cells.length + " cells, "
                            + columns + " expected: " + line);
                }
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    if (cells[i].isEmpty()) {
                        throw new IllegalStateException(path + ":" + number + ": cell " + (i + 1)
                                + " is empty; write <empty> for the empty string");
                    }
                    row[i] = unescape(cells[i]);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("fixture " + path + " holds no case");
        }
        return rows;
    }

    /**
     * Unescapes one cell.
     *
     * @param cell the cell as written
     * @return its value; {@code null} for {@code <null>}
     */
    public static String unescape(String cell) {
        if (cell.equals("<null>")) {
            return null;
        }
        if (cell.equals("<empty>")) {
            return "";
        }
        StringBuilder value = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char next = cell.charAt(++i);
            switch (next) {
                case 't' -> value.append('\t');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 's' -> value.append(' ');
                case '\\' -> value.append('\\');
                case 'u' -> {
                    value.append((char) Integer.parseInt(cell.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + next + " in " + cell);
            }
        }
        return value.toString();
    }

    /**
     * Makes a value readable in a test name: control, format and non-ASCII characters as escapes.
     *
     * @param value the value, or {@code null}
     * @return a printable form
     */
    public static String show(String value) {
        if (value == null) {
            return "<null>";
        }
        StringBuilder text = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                text.append(c);
            } else {
                text.append(String.format("\\u%04X", (int) c));
            }
        }
        return text.toString();
    }

    /**
     * Splits a list cell: comma-separated, {@code NONE} for an empty list.
     *
     * @param cell the cell
     * @return the items
     */
    public static List<String> list(String cell) {
        return cell.equals("NONE") ? List.of() : Arrays.asList(cell.split(","));
    }
}
