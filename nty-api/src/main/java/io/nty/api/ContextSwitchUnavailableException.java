package io.nty.api;

/**
 * The context switch a scheduler needs cannot be used in this JVM.
 *
 * <p>For the continuation switch the message names the missing JVM flag
 * ({@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}).
 */
public class ContextSwitchUnavailableException extends NtyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the rule or the object involved
     */
    public ContextSwitchUnavailableException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ContextSwitchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
