/**
 * The command line: one picocli class per command, wiring only; nothing else depends on this package.
 *
 * <p>Read first: {@link io.blisnative.cli.ReplayCommand} (the main job),
 * {@link io.blisnative.cli.ServerSetup} (flags, trace header and catalog resolved into a simulated
 * server) and {@link io.blisnative.cli.CommandLineFactory} (exit codes and one-line errors).
 */
package io.blisnative.cli;
