package io.blisnative.cli;

/** A user error with a one-line message; the CLI prints it and exits with {@link ExitCodes#BAD_INPUT}. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
