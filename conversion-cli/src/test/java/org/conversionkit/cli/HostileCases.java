package org.conversionkit.cli;

import java.util.ArrayList;
import java.util.List;
import org.conversionkit.spec.Node;
import org.conversionkit.spec.Spec;
import org.conversionkit.spec.SpecCase;
import org.conversionkit.spec.SpecInput;

/**
 * The bad-input suite, {@code spec/hostile.json}: an input, committed or generated while it is read, its options
 * ({@code format}, {@code strict}, {@code profile}, {@code feedDate}, {@code feedZone}) and the exit code and report
 * expected.
 */
final class HostileCases {

    private HostileCases() {
    }

    static List<SpecCase> all() {
        return Spec.load("hostile.json").cases();
    }

    static Node options(SpecCase c) {
        c.node().only("id", "why", "input", "options", "expect");
        return c.options().only("format", "strict", "profile", "feedDate", "feedZone");
    }

    /** Returns whether the profile is {@code crm}. */
    static boolean crm(SpecCase c) {
        return options(c).text("profile", "conversions").equals("crm");
    }

    /** Returns the format: the option, else the input name's extension. */
    static String format(SpecCase c) {
        SpecInput input = c.input();
        if (options(c).has("format")) {
            return options(c).text("format");
        }
        String file = input.name().replace(".gz", "");
        return file.endsWith(".csv") || file.endsWith(".tsv") || file.endsWith(".txt") ? "csv" : "json";
    }

    /** The options as the command line takes them, before the file. */
    static List<String> commandLine(SpecCase c) {
        Node options = options(c);
        List<String> args = new ArrayList<>();
        if (options.bool("strict", false)) {
            args.add("--strict");
        }
        if (options.has("profile")) {
            args.addAll(List.of("--profile", options.text("profile")));
        }
        if (options.has("feedDate")) {
            args.addAll(List.of("--feed-date", options.text("feedDate")));
        }
        if (options.has("feedZone")) {
            args.addAll(List.of("--feed-zone", options.text("feedZone")));
        }
        return args;
    }
}
