package org.conversionkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.conversionkit.spec.Expect;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.conversionkit.spec.SpecException;
import org.jspecify.annotations.Nullable;

/**
 * The command line's acceptance cases, {@code spec/cli.json} (the public corpus's cases and ours): a command line, what
 * it must exit with, and what its report must say. {@link #check} holds a run to every expectation and to the
 * report's invariants, as the corpus's own checker does.
 */
final class CliCases {

    private CliCases() {
    }

    static List<SpecCase> all() {
        return Spec.load("cli.json").cases();
    }

    /** The folder the cases run from: {@code files/...} in their arguments are its files. */
    static Path directory() {
        return Spec.extracted("cli");
    }

    static List<String> args(SpecCase c) {
        c.node().only("id", "why", "args", "stdin", "expect");
        return c.get("args").texts();
    }

    /** The file fed to standard input, in {@link #directory()}, or null. */
    static @Nullable Path stdin(SpecCase c) {
        return c.has("stdin") ? directory().resolve(c.get("stdin").text()) : null;
    }

    /** The arguments with the files of the cases' folder as paths a process in another folder finds. */
    static List<String> resolved(SpecCase c) {
        List<String> args = new ArrayList<>();
        for (String arg : args(c)) {
            // Paths in cases are relative to the cases' folder; the JVM cannot change directory.
            Path file = directory().resolve(arg);
            args.add(!arg.startsWith("-") && arg.contains("/") && file.toFile().exists() ? file.toString() : arg);
        }
        return args;
    }

    /** Returns every way the run misses the case; empty when it passes. */
    static List<String> check(SpecCase c, int exit, String out) {
        List<String> problems = new ArrayList<>();
        List<String> args = args(c);
        Node expect = c.expect().only("exit", "report", "errorCodes", "warningCodesInclude", "json", "stdout");
        String command = args.isEmpty() ? "" : args.get(0);
        if (exit != expect.get("exit").intValue()) {
            problems.add("exit " + exit + ", expected " + expect.get("exit"));
        }
        int report = args.indexOf("--report");
        boolean wantsJson = report >= 0 && report + 1 < args.size() && args.get(report + 1).equals("json")
                || command.equals("schema");
        Node tree = null;
        if (wantsJson && !(out.isBlank() && exit == 2)) {
            try {
                tree = Node.parse(out, "stdout");
            } catch (SpecException e) {
                problems.add("stdout is not pure JSON (" + e.getMessage() + "): " + abbreviate(out));
                return problems;
            }
        }
        boolean needsReport = expect.has("errorCodes") || expect.has("warningCodesInclude") || expect.has("report")
                || expect.has("json");
        if (needsReport && tree == null) {
            problems.add(wantsJson ? "no JSON report on stdout" : "case checks a report but args do not ask for one");
            return problems;
        }
        if (tree != null && (command.equals("validate") || command.equals("deliveries"))
                && (exit == 0 || exit == 1 || needsReport)) {
            checkReport(expect, tree, command, exit, problems);
        }
        if (expect.has("json")) {
            for (var check : expect.get("json").fields().entrySet()) {
                Node actual = tree == null ? null : tree.resolve(check.getKey());
                boolean same = actual == null ? check.getValue().isNull() : actual.equals(check.getValue());
                if (!same) {
                    problems.add(check.getKey() + " = " + (actual == null ? "<absent>" : actual) + ", expected "
                            + check.getValue());
                }
            }
        }
        if (expect.has("stdout")) {
            List<String> lines = new ArrayList<>(out.lines().toList());
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            if (!lines.equals(expect.get("stdout").texts())) {
                problems.add("stdout " + lines + ", expected " + expect.get("stdout").texts());
            }
        }
        return problems;
    }

    private static void checkReport(Node expect, Node report, String command, int exit, List<String> problems) {
        Node filesNode = report.isObject() && report.has("files") ? report.get("files") : null;
        if (filesNode == null || !filesNode.isList() || filesNode.list().isEmpty()) {
            problems.add("report has no 'files' list");
            return;
        }
        List<Node> files = filesNode.list();
        boolean allValid = true;
        for (int n = 0; n < files.size(); n++) {
            Node file = files.get(n);
            allValid &= file.has("valid") && file.get("valid").bool();
            if (command.equals("validate") || file.has("records")) {
                long records = file.longValue("records");
                long valid = file.longValue("validRecords");
                long invalid = file.longValue("invalidRecords");
                if (records != valid + invalid) {
                    problems.add("files/" + n + " records " + records + " != " + valid + " + " + invalid);
                }
            }
            if (!file.bool("truncated", false)) {
                for (String severity : List.of("error", "warning")) {
                    long listed = violations(file, severity).size();
                    if (file.longValue(severity + "s") != listed) {
                        problems.add("files/" + n + " " + severity + "s=" + file.get(severity + "s") + " but "
                                + listed + " listed");
                    }
                }
            }
        }
        Node valid = report.has("valid") ? report.get("valid") : null;
        if (valid == null || !valid.isBoolean() || valid.bool() != allValid) {
            problems.add("top-level valid=" + valid + " but files valid=" + allValid);
        } else if ((exit == 0 || exit == 1) && (exit == 0) != valid.bool()) {
            problems.add("exit " + exit + " but report valid=" + valid);
        }
        boolean deliveries = command.equals("deliveries");
        List<String[]> errors = new ArrayList<>();
        List<String[]> warnings = new ArrayList<>();
        for (Node file : deliveries ? files : files.subList(0, 1)) {
            errors.addAll(violations(file, "error"));
            warnings.addAll(violations(file, "warning"));
        }
        if (expect.has("errorCodes")) {
            List<String> missing = new ArrayList<>();
            List<String[]> extra = match(errors, expect.get("errorCodes").list(), deliveries, missing);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                problems.add("errors: missing " + missing + ", unexpected "
                        + extra.stream().map(e -> e[0] + "@" + e[1]).toList());
            }
        }
        if (expect.has("warningCodesInclude")) {
            List<String> missing = new ArrayList<>();
            match(warnings, expect.get("warningCodesInclude").list(), deliveries, missing);
            if (!missing.isEmpty()) {
                problems.add("warnings: missing " + missing);
            }
        }
        if (expect.has("report")) {
            problems.addAll(Expect.differences(expect.get("report").only("records", "validRecords"),
                    files.get(0).plain()));
        }
    }

    /** Removes the expected code-and-line or code entries from the actual ones; returns what is left. */
    private static List<String[]> match(List<String[]> actual, List<Node> expected, boolean ignoreLines,
            List<String> missing) {
        List<String[]> remaining = new ArrayList<>(actual);
        List<String> codeOnly = new ArrayList<>();
        for (Node spec : expected) {
            spec.only("code", "line");
            String code = spec.text("code");
            if (!spec.has("line") || ignoreLines) {
                codeOnly.add(code);
                continue;
            }
            String line = String.valueOf(spec.longValue("line"));
            String[] hit = remaining.stream().filter(a -> a[0].equals(code) && a[1].equals(line)).findFirst()
                    .orElse(null);
            if (hit == null) {
                missing.add(code + "@" + line);
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

    private static List<String[]> violations(Node file, String severity) {
        List<String[]> found = new ArrayList<>();
        if (file.has("violations") && file.get("violations").isList()) {
            for (Node violation : file.get("violations").list()) {
                if (violation.has("severity") && severity.equals(violation.text("severity"))) {
                    found.add(new String[] {violation.text("code"), String.valueOf(violation.longValue("line"))});
                }
            }
        }
        return found;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
