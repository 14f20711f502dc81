package org.conversionkit.cli.internal;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses the plain {@code validate} command lines without picocli, whose start-up (loading and
 * introspecting the command classes) costs a few hundred milliseconds: more than checking a small file.
 *
 * <p>Only a strict subset is taken: {@code validate}, then files (or {@code -}) and the command's long
 * options, each once ({@code --default} repeatable), with its value as the next argument or after
 * {@code =}; {@code --strict} and {@code --history} without a value. Anything else (help, version, an unknown or
 * repeated option, a short option, {@code --}, an argument file {@code @...}, a separate value that starts with
 * {@code -}, a value picocli would have to convert and might refuse, no file at all) returns {@code null}
 * and is left to picocli, which then parses and reports exactly as it always does. What this class
 * accepts, it sets on the command exactly as picocli would: the fields, their defaults and their
 * order.
 */
final class QuickValidate {

    private QuickValidate() {
    }

    /**
     * Parses a command line.
     *
     * @param args the whole command line
     * @param cli  the command line's streams
     * @return the command, ready to run, or {@code null} to leave the line to picocli
     */
    static @Nullable ValidateCommand parse(String[] args, Cli cli) {
        if (args.length < 2 || !args[0].equals("validate")) {
            return null;
        }
        ValidateCommand command = new ValidateCommand(cli);
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) {
                // picocli reads arguments from such a file.
                return null;
            }
            if (arg.equals("-") || !arg.startsWith("-")) {
                command.files.add(arg);
                continue;
            }
            if (arg.equals("--strict") || arg.equals("--recursive") || arg.equals("--deliveries")
                    || arg.equals("--quiet") || arg.equals("--history")) {
                if (!seen.add(arg)) {
                    return null;
                }
                switch (arg) {
                    case "--strict" -> command.strict = true;
                    case "--recursive" -> command.recursive = true;
                    case "--deliveries" -> command.deliveries = true;
                    case "--history" -> command.history = true;
                    default -> command.quiet = true;
                }
                continue;
            }
            String name;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else {
                if (i + 1 == args.length || args[i + 1].startsWith("-") || args[i + 1].startsWith("@")) {
                    return null;
                }
                name = arg;
                value = args[++i];
            }
            if (!name.equals("--default") && !seen.add(name)) {
                return null;
            }
            if (!set(command, name, value)) {
                return null;
            }
        }
        return command.files.isEmpty() ? null : command;
    }

    /** Digits only, at most nine of them: a value picocli converts to the same int without complaint. */
    private static boolean isSmallNumber(String value) {
        if (value.isEmpty() || value.length() > 9) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Sets an option; returns false for an unknown option or a value that needs picocli's conversion. */
    private static boolean set(ValidateCommand command, String name, String value) {
        switch (name) {
            case "--format" -> {
                for (ValidateCommand.FormatOption option : ValidateCommand.FormatOption.values()) {
                    if (option.name().equals(value)) {
                        command.format = option;
                        return true;
                    }
                }
                return false;
            }
            case "--report" -> {
                for (ValidateCommand.ReportStyle style : ValidateCommand.ReportStyle.values()) {
                    if (style.name().equals(value)) {
                        command.report = style;
                        return true;
                    }
                }
                return false;
            }
            case "--max-violations" -> {
                if (!isSmallNumber(value)) {
                    return false;
                }
                command.maxViolations = Integer.parseInt(value);
                return true;
            }
            case "--jobs" -> {
                if (!isSmallNumber(value)) {
                    return false;
                }
                command.jobs = Integer.parseInt(value);
                return true;
            }
            case "--glob" -> command.glob = value;
            case "--delimiter" -> command.delimiter = value;
            case "--columns" -> command.columns = value;
            case "--default" -> command.defaults.add(value);
            case "--date" -> command.date = value;
            case "--profile" -> command.profile = value;
            case "--id-field" -> command.idField = value;
            case "--feed-date" -> command.feedDate = value;
            case "--feed-zone" -> command.feedZone = value;
            case "--max-file-bytes" -> command.maxFileBytes = value;
            case "--max-records" -> command.maxRecords = value;
            default -> {
                return false;
            }
        }
        return true;
    }
}
