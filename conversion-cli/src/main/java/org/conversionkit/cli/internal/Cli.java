package org.conversionkit.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.conversionkit.cli.ConversionCheck;
import org.conversionkit.files.internal.Printable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * Wires the commands to standard input, output and error, and turns every failure into a message
 * and an exit code: picocli's usage errors and ours exit 2, and nothing prints a stack trace.
 */
public final class Cli {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * Creates the command line over the given streams.
     *
     * @param in  standard input
     * @param out standard output
     * @param err standard error
     */
    public Cli(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /**
     * Parses and runs a command line.
     *
     * @param args the arguments
     * @return the exit code
     */
    public int run(String[] args) {
        try {
            ValidateCommand quick = QuickValidate.parse(args, this);
            if (quick != null) {
                // The common invocation, without picocli's start-up; it fails the same way.
                try {
                    return quick.call();
                } catch (RuntimeException e) {
                    return failure(e);
                }
            }
            CommandLine commandLine = new CommandLine(new RootCommand());
            commandLine.addSubcommand("validate", new ValidateCommand(this));
            commandLine.addSubcommand("deliveries", new DeliveriesCommand(this));
            commandLine.addSubcommand("feed-url", new FeedUrlCommand(this));
            commandLine.addSubcommand("table-name", new TableNameCommand(this));
            commandLine.addSubcommand("schema", new SchemaCommand(this));
            // The git-style "help validate", which people try, as well as "validate --help".
            commandLine.addSubcommand("help", new CommandLine.HelpCommand());
            PrintWriter help = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
            commandLine.setOut(help);
            commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
            commandLine.setParameterExceptionHandler(this::usageError);
            commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> failure(exception));
            int exit = commandLine.execute(args);
            // picocli's help and version go through a writer that keeps its errors to itself, as a print stream
            // does: help that could not be written is a failure, as a report is.
            if (exit == 0 && (help.checkError() || out.checkError())) {
                error("cannot write to standard output");
                return 2;
            }
            return exit;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failure(e);
        }
    }

    InputStream in() {
        return in;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /**
     * Writes a report to standard output, and fails when it could not be written: a print stream keeps its
     * errors to itself.
     *
     * @param report writes the report
     * @throws OutputException if the report could not be written
     */
    void writeReport(ReportOutput report) {
        try {
            report.writeTo(out);
        } catch (IOException e) {
            throw new OutputException("cannot write the report to standard output: " + e.getMessage());
        }
        if (out.checkError()) {
            throw new OutputException("cannot write the report to standard output");
        }
    }

    /** Writes a report to a stream. */
    @FunctionalInterface
    interface ReportOutput {
        void writeTo(PrintStream out) throws IOException;
    }

    private static boolean isFile(String name) {
        Path path = Inputs.path(name);
        return path != null && Files.exists(path);
    }

    /** Prints an error line, prefixed with the command's name. */
    void error(@Nullable String message) {
        err.println("conversion-check: " + Printable.of(String.valueOf(message)));
        err.flush();
    }

    private int usageError(CommandLine.ParameterException exception, String[] args) {
        error(exception.getMessage());
        CommandLine command = exception.getCommandLine();
        for (String arg : args) {
            // A file whose name starts with '-' reads as an option: say how to name it.
            if (arg.length() > 1 && arg.startsWith("-") && !arg.startsWith("--")
                    && command.getCommandSpec().findOption(arg) == null
                    && (arg.indexOf('.') > 0 || isFile(arg))) {
                error("'" + arg + "' is read as an option; a file whose name starts with '-' goes after '--': "
                        + command.getCommandSpec().qualifiedName() + " -- " + arg);
            }
        }
        String name = command.getCommandSpec().qualifiedName();
        err.println("Try '" + name + " --help' for more information.");
        err.flush();
        return ConversionCheck.EXIT_USAGE;
    }

    private int failure(Throwable exception) {
        if (exception instanceof UsageException usage) {
            error(usage.getMessage());
            return ConversionCheck.EXIT_USAGE;
        }
        if (exception instanceof InputException input) {
            error(input.getMessage());
            return ConversionCheck.EXIT_USAGE;
        }
        if (exception instanceof OutputException output) {
            error(output.getMessage());
            return ConversionCheck.EXIT_USAGE;
        }
        if (exception instanceof UncheckedIOException io) {
            // An UncheckedIOException always has its cause.
            error("cannot read input: " + Objects.requireNonNull(io.getCause()).getMessage());
            return ConversionCheck.EXIT_USAGE;
        }
        if (exception instanceof OutOfMemoryError) {
            error("out of memory: raise the JVM's heap (-Xmx) or lower the reader limits");
            return ConversionCheck.EXIT_USAGE;
        }
        error("internal error, please report it: " + exception);
        return ConversionCheck.EXIT_USAGE;
    }
}
