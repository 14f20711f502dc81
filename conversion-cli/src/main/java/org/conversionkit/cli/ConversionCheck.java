package org.conversionkit.cli;

import java.io.InputStream;
import java.io.PrintStream;
import org.conversionkit.cli.internal.Cli;

/**
 * The {@code conversion-check} command: checks conversion exports, CRM feeds and delivery sets, and
 * builds feed URLs, table names and schemas, for exporters written in any language.
 *
 * <pre>{@code
 * java -jar conversion-check.jar validate [options] FILE...
 * java -jar conversion-check.jar deliveries NAME...
 * java -jar conversion-check.jar feed-url URL [--date D | --from D --to D]
 * java -jar conversion-check.jar table-name PROJECT.DATASET.TABLE [--date D]
 * java -jar conversion-check.jar schema FILE
 * }</pre>
 *
 * <p>Exit codes: {@value #EXIT_VALID} when every file is valid (warnings allowed unless
 * {@code --strict}); {@value #EXIT_INVALID} when at least one error was found or a builder refused
 * its input; {@value #EXIT_USAGE} for a usage error or a missing or unreadable file. No stack trace
 * ever reaches the user.
 */
public final class ConversionCheck {

    /** Every file valid. */
    public static final int EXIT_VALID = 0;
    /** At least one error, or a refusal. */
    public static final int EXIT_INVALID = 1;
    /** A usage error, or a file that is missing or cannot be read. */
    public static final int EXIT_USAGE = 2;

    private ConversionCheck() {
    }

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * Runs the command without exiting, for embedding and tests.
     *
     * @param args the command line
     * @param in   standard input, read for the file {@code -}
     * @param out  standard output: reports and results
     * @param err  standard error: usage errors, refusals, warnings
     * @return the exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return new Cli(in, out, err).run(args);
    }
}
