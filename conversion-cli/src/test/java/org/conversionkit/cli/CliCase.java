package org.conversionkit.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One acceptance case in the format of the project's public corpus ({@code cases.json}): a command
 * line, what it must exit with, and what its report must say. {@link #check} holds a run to every
 * expectation and to the report's invariants, as the corpus's own checker does.
 */
final class CliCase {

    final String id;
    final String why;
    final List<String> args;
    final Map<String, Object> spec;

    private CliCase(Map<String, Object> spec) {
        this.spec = spec;
        this.id = (String) spec.get("id");
        this.why = (String) spec.getOrDefault("why", "");
        List<String> list = new ArrayList<>();
        for (Object arg : (List<?>) spec.get("args")) {
            list.add(String.valueOf(arg));
        }
        this.args = List.copyOf(list);
    }

    /** Reads every case of a {@code cases.json}. */
    @SuppressWarnings("unchecked")
    static List<CliCase> load(Path casesJson) throws IOException {
        List<CliCase> cases = new ArrayList<>();
        for (Object spec : (List<Object>) JsonTree.parse(Files.readString(casesJson, StandardCharsets.UTF_8))) {
            cases.add(new CliCase((Map<String, Object>) spec));
        }
        return cases;
    }

    /** The file fed to standard input, relative to the cases directory, or null. */
    String stdin() {
        Object stdin = spec.get("stdin");
        return stdin instanceof String name ? name : null;
    }

    @Override
    public String toString() {
        return id + ": " + why;
    }

    /** Returns every way the run misses the case; empty when it passes. */
    @SuppressWarnings("unchecked")
    List<String> check(int exit, String out) {
        List<String> problems = new ArrayList<>();
        String command = args.isEmpty() ? "" : args.get(0);
        Object expectedExit = spec.get("exit");
        List<Integer> allowed = new ArrayList<>();
        if (expectedExit instanceof List<?> list) {
            list.forEach(e -> allowed.add(((BigDecimal) e).intValue()));
        } else {
            allowed.add(((BigDecimal) expectedExit).intValue());
        }
        if (!allowed.contains(exit)) {
            problems.add("exit " + exit + ", expected " + allowed);
        }
        int report = args.indexOf("--report");
        boolean wantsJson = report >= 0 && report + 1 < args.size() && args.get(report + 1).equals("json")
                || command.equals("schema");
        Object tree = null;
        if (wantsJson && !(out.isBlank() && exit == 2)) {
            try {
                tree = JsonTree.parse(out);
            } catch (RuntimeException e) {
                problems.add("stdout is not pure JSON (" + e.getMessage() + "): " + abbreviate(out));
                return problems;
            }
        }
        boolean needsReport = spec.containsKey("errors") || spec.containsKey("warnings_include")
                || spec.containsKey("records") || spec.containsKey("valid_records") || spec.containsKey("json_checks");
        if (needsReport && tree == null) {
            problems.add(wantsJson ? "no JSON report on stdout" : "case checks a report but args do not ask for one");
            return problems;
        }
        if (tree != null && (command.equals("validate") || command.equals("deliveries"))
                && (exit == 0 || exit == 1 || needsReport)) {
            checkReport((Map<String, Object>) tree, command, exit, problems);
        }
        for (Object check : (List<Object>) spec.getOrDefault("json_checks", List.of())) {
            List<Object> pair = (List<Object>) check;
            Object actual = JsonTree.resolve(Objects.requireNonNull(tree), (String) pair.get(0));
            if (!same(actual, pair.get(1))) {
                problems.add(pair.get(0) + " = " + actual + ", expected " + pair.get(1));
            }
        }
        if (spec.containsKey("stdout_lines")) {
            List<String> lines = new ArrayList<>(out.lines().toList());
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            if (!lines.equals(spec.get("stdout_lines"))) {
                problems.add("stdout " + lines + ", expected " + spec.get("stdout_lines"));
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private void checkReport(Map<String, Object> report, String command, int exit, List<String> problems) {
        if (!(report.get("files") instanceof List<?> files) || files.isEmpty()) {
            problems.add("report has no 'files' list");
            return;
        }
        boolean allValid = true;
        for (int n = 0; n < files.size(); n++) {
            Map<String, Object> file = (Map<String, Object>) files.get(n);
            allValid &= Boolean.TRUE.equals(file.get("valid"));
            if (command.equals("validate") || file.containsKey("records")) {
                long records = number(file.get("records"));
                long valid = number(file.get("validRecords"));
                long invalid = number(file.get("invalidRecords"));
                if (records != valid + invalid) {
                    problems.add("files/" + n + " records " + records + " != " + valid + " + " + invalid);
                }
            }
            if (!Boolean.TRUE.equals(file.get("truncated"))) {
                for (String severity : List.of("error", "warning")) {
                    long listed = violations(file, severity).size();
                    if (number(file.get(severity + "s")) != listed) {
                        problems.add("files/" + n + " " + severity + "s=" + file.get(severity + "s") + " but "
                                + listed + " listed");
                    }
                }
            }
        }
        Object valid = report.get("valid");
        if (!(valid instanceof Boolean b) || b != allValid) {
            problems.add("top-level valid=" + valid + " but files valid=" + allValid);
        } else if ((exit == 0 || exit == 1) && (exit == 0) != b) {
            problems.add("exit " + exit + " but report valid=" + valid);
        }
        boolean deliveries = command.equals("deliveries");
        List<String[]> errors = new ArrayList<>();
        List<String[]> warnings = new ArrayList<>();
        for (Object file : deliveries ? files : files.subList(0, 1)) {
            errors.addAll(violations((Map<String, Object>) file, "error"));
            warnings.addAll(violations((Map<String, Object>) file, "warning"));
        }
        if (spec.containsKey("errors")) {
            List<String> expected = (List<String>) spec.get("errors");
            if (Boolean.TRUE.equals(spec.get("errors_distinct"))) {
                List<String> want = expected.stream().map(s -> s.split("@")[0]).distinct().sorted().toList();
                List<String> got = errors.stream().map(e -> e[0]).distinct().sorted().toList();
                if (!want.equals(got)) {
                    problems.add("error codes " + got + ", expected " + want);
                }
            } else {
                List<String> missing = new ArrayList<>();
                List<String[]> extra = match(errors, expected, deliveries, missing);
                if (!missing.isEmpty() || !extra.isEmpty()) {
                    problems.add("errors: missing " + missing + ", unexpected "
                            + extra.stream().map(e -> e[0] + "@" + e[1]).toList());
                }
            }
        }
        if (spec.containsKey("warnings_include")) {
            List<String> missing = new ArrayList<>();
            match(warnings, (List<String>) spec.get("warnings_include"), deliveries, missing);
            if (!missing.isEmpty()) {
                problems.add("warnings: missing " + missing);
            }
        }
        Map<String, Object> first = (Map<String, Object>) files.get(0);
        if (spec.containsKey("records") && !same(first.get("records"), spec.get("records"))) {
            problems.add("records " + first.get("records") + ", expected " + spec.get("records"));
        }
        if (spec.containsKey("valid_records") && !same(first.get("validRecords"), spec.get("valid_records"))) {
            problems.add("validRecords " + first.get("validRecords") + ", expected " + spec.get("valid_records"));
        }
    }

    /** Removes the expected "CODE@line" or "CODE" entries from the actual ones; returns what is left. */
    private static List<String[]> match(List<String[]> actual, List<String> expected, boolean ignoreLines,
            List<String> missing) {
        List<String[]> remaining = new ArrayList<>(actual);
        List<String> codeOnly = new ArrayList<>();
        for (String spec : expected) {
            int at = spec.lastIndexOf('@');
            if (at < 0 || ignoreLines) {
                codeOnly.add(at < 0 ? spec : spec.substring(0, at));
                continue;
            }
            String code = spec.substring(0, at);
            String line = spec.substring(at + 1);
            String[] hit = remaining.stream().filter(a -> a[0].equals(code) && a[1].equals(line)).findFirst()
                    .orElse(null);
            if (hit == null) {
                missing.add(spec);
            } else {
                remaining.remove(hit);
            }
        }
        for (String code : codeOnly) {
            String[] hit = remaining.stream().filter(a -> a[0].equals(code)).findFirst().orElse(null);
            if (hit == null) {
                missing.add(code);
            } else {
                remaining.remove(hit);
            }
        }
        return remaining;
    }

    @SuppressWarnings("unchecked")
    private static List<String[]> violations(Map<String, Object> file, String severity) {
        List<String[]> found = new ArrayList<>();
        if (file.get("violations") instanceof List<?> list) {
            for (Object v : list) {
                Map<String, Object> violation = (Map<String, Object>) v;
                if (severity.equals(violation.get("severity"))) {
                    found.add(new String[] {String.valueOf(violation.get("code")),
                        String.valueOf(number(violation.get("line")))});
                }
            }
        }
        return found;
    }

    private static long number(Object value) {
        return value instanceof BigDecimal number ? number.longValueExact() : -1;
    }

    private static boolean same(Object actual, Object expected) {
        Object a = actual == JsonTree.MISSING ? JsonTree.NULL : actual;
        if (a instanceof BigDecimal x && expected instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof List<?> x && expected instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(expected);
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
