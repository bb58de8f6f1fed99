package io.blisnative.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Root command: only groups the subcommands; each does one job.
 *
 * <p>Its model is built in code ({@link #commandLine}), not read from annotations: picocli reads
 * annotations through JDK proxies generated at run time, which the start-up cache cannot hold, and
 * for a bare {@code --version} that was a seventh of the launch. The annotations below are only
 * for quarkus-picocli's build step, which needs a top command.
 *
 * <p>Only the subcommand the arguments name is built ({@link #addSubcommands}): picocli builds
 * the full option model of every registered command before parsing, which was a third of the
 * start-up time of a one-command launch.
 */
@TopCommand
@Command(name = BlisNative.NAME)
public class BlisNative {

    static final String NAME = "blis-native";
    static final String DESCRIPTION =
            "Simulates vLLM inference serving and reports how far the simulation is from measurements.";

    /** In the order {@code --help} lists them. */
    static final List<Class<?>> COMMANDS = List.of(ReplayCommand.class, CompareCommand.class, RunCommand.class,
            ConvertCommand.class, CalibrateCommand.class, ReportCommand.class, ModelsCommand.class,
            HardwareCommand.class);

    /**
     * The root command line for {@code args}, with the standard {@code -h/--help} and
     * {@code -V/--version} options and the subcommands {@code args} can reach; {@code factory}
     * creates the subcommands.
     */
    static CommandLine commandLine(CommandLine.IFactory factory, String[] args) {
        CatalogCache.prepareLaunch(args);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(new BlisNative(), factory);
        spec.name(NAME);
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description(DESCRIPTION);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return addSubcommands(new CommandLine(spec, factory), args);
    }

    /**
     * Adds to the root command line the subcommands {@code args} can reach: the one named by the
     * first non-option argument, none for a bare {@code --version}, otherwise all.
     */
    static CommandLine addSubcommands(CommandLine root, String[] args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            return root;
        }
        String first = commandWord(args);
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

    /** The first argument that is not an option (the subcommand's name), or null. */
    static String commandWord(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
