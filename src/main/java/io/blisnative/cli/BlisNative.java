package io.blisnative.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** Root command: only groups the subcommands; each does one job. */
@TopCommand
@Command(name = "blis-native", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Simulates vLLM inference serving and reports how far the simulation is from measurements.",
        subcommands = {ReplayCommand.class, CompareCommand.class, RunCommand.class, ConvertCommand.class,
            CalibrateCommand.class, ReportCommand.class, ModelsCommand.class, HardwareCommand.class})
public class BlisNative {
}
