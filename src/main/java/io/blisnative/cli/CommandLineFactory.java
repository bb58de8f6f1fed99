package io.blisnative.cli;

import io.blisnative.trace.TraceFormatException;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Configures picocli once for every command: user errors become one line on stderr with exit
 * code 2 (usage) or 3 (bad input); a stack trace appears only with {@code --verbose}.
 */
@ApplicationScoped
public class CommandLineFactory {

    @Produces
    CommandLine commandLine(CommandLine.IFactory factory, @CommandLineArguments String[] args) {
        return configure(BlisNative.commandLine(factory, args));
    }

    /** Applies the product's error handling to any command line (tests run commands through this too). */
    static CommandLine configure(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(CommandLineFactory::usageError);
        cl.setExecutionExceptionHandler(CommandLineFactory::executionError);
        return cl;
    }

    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("blis-native: error: " + ex.getMessage());
        Optional<String> command = mistypedCommand(ex);
        if (command.isPresent()) {
            err.println("Did you mean: " + cmd.getCommandSpec().qualifiedName() + " " + command.get() + "?");
        } else {
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        }
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCodes.USAGE;
    }

    /** The subcommand an unmatched word was probably meant to be, at any level that has subcommands. */
    private static Optional<String> mistypedCommand(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().get(0);
            if (!word.startsWith("-")) {
                return CommandSuggestion.closest(word, ex.getCommandLine().getSubcommands().keySet());
            }
        }
        return Optional.empty();
    }

    private static int executionError(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean verbose = Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--verbose");
        int code;
        String message;
        if (ex instanceof BadInputException || ex instanceof IllegalArgumentException
                || ex instanceof TraceFormatException) {
            code = ExitCodes.BAD_INPUT;
            message = ex.getMessage();
        } else if (ex instanceof UncheckedIOException io) {
            code = ExitCodes.BAD_INPUT;
            message = io.getCause().getMessage();
        } else {
            code = ExitCodes.FAILED;
            message = "internal error: " + ex + " (run with --verbose for details)";
        }
        err.println("blis-native: error: " + message);
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
