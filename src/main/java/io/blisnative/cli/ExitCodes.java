package io.blisnative.cli;

/** Process exit codes every command uses. */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** The run worked but a gate (e.g. --max-error) was exceeded, or an unexpected failure. */
    static final int FAILED = 1;
    /** The command line itself is wrong: unknown option, missing argument. */
    static final int USAGE = 2;
    /** An input file, config or option value is invalid. */
    static final int BAD_INPUT = 3;

    private ExitCodes() {
    }
}
