package org.conversionkit.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code conversion-check} without a command: prints the usage and exits 2. */
@Command(name = "conversion-check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Checks conversion exports, CRM feeds and delivery sets; builds feed URLs, table names and"
                + " schemas.",
        footer = {"", "Exit codes: 0 every file valid (warnings allowed unless --strict); 1 at least one error or a"
                + " refusal; 2 usage error, missing or unreadable file."})
final class RootCommand implements Callable<Integer> {

    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
