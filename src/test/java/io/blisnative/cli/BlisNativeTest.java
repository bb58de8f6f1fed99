package io.blisnative.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BlisNativeTest {

    private static List<String> registered(String... args) {
        CommandLine root = BlisNative.commandLine(CommandLine.defaultFactory(), args);
        return List.copyOf(root.getSubcommands().keySet());
    }

    @Test
    void addSubcommands_namedCommand_registersOnlyThatOne() {
        // given a replay invocation, when the root is prepared, then only replay's model is built
        assertEquals(List.of("replay"), registered("replay", "traces/llama70b.jsonl", "--format", "json"));
        assertEquals(List.of("hardware"), registered("hardware"));
    }

    @Test
    void addSubcommands_bareVersion_registersNone() {
        assertEquals(List.of(), registered("--version"));
        assertEquals(List.of(), registered("-V"));
    }

    @Test
    void addSubcommands_noCommandOrUnknownWord_registersAllInHelpOrder() {
        List<String> all = List.of("replay", "compare", "run", "convert", "calibrate", "report", "models", "hardware");
        assertEquals(all, registered());
        assertEquals(all, registered("--help"));
        assertEquals(all, registered("repaly", "x.jsonl"));
        assertEquals(all, registered("--version", "--help"));
    }

    @Test
    void addSubcommands_everyCommandInTheListIsReachableByItsName() {
        for (Class<?> command : BlisNative.COMMANDS) {
            String name = command.getAnnotation(CommandLine.Command.class).name();
            assertEquals(List.of(name), registered(name, "--help"));
        }
    }
}
