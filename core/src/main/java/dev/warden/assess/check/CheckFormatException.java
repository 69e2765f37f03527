package dev.warden.assess.check;

/**
 * A check or credential file that does not follow {@code content/checks/README.md}. The message always names the file
 * and the field ({@code http/foscam/x.yaml: matchers[0].type: unknown matcher type 'wrod'}), so an author can fix it
 * without reading engine code.
 */
public final class CheckFormatException extends RuntimeException {
    public CheckFormatException(String message) {
        super(message);
    }
}
