package dev.warden.cli;

/** An input the user gave (a file, a value) is wrong: exit code 3, one line. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
