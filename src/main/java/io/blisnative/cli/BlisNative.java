package io.blisnative.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Root command: only groups the subcommands; each does one job.
 *
 * <p>The subcommands are not listed in the annotation: picocli builds the full option model of
 * every listed command before parsing, which was a third of the start-up time of a one-command
 * launch. {@link #addSubcommands} registers only the command the arguments name (all of them
 * when the arguments name none, so help and "did you mean" still see every command).
 */
@TopCommand
@Command(name = "blis-native", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Simulates vLLM inference serving and reports how far the simulation is from measurements.")
public class BlisNative {

    /** In the order {@code --help} lists them. */
    static final List<Class<?>> COMMANDS = List.of(ReplayCommand.class, CompareCommand.class, RunCommand.class,
            ConvertCommand.class, CalibrateCommand.class, ReportCommand.class, ModelsCommand.class,
            HardwareCommand.class);

    /**
     * Adds to the root command line the subcommands {@code args} can reach: the one named by the
     * first non-option argument, none for a bare {@code --version}, otherwise all.
     */
    static CommandLine addSubcommands(CommandLine root, String[] args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            return root;
        }
        String first = null;
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                first = arg;
                break;
            }
        }
        for (Class<?> command : COMMANDS) {
            if (nameOf(command).equals(first)) {
                root.addSubcommand(command);
                return root;
            }
        }
        for (Class<?> command : COMMANDS) {
            root.addSubcommand(command);
        }
        return root;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
