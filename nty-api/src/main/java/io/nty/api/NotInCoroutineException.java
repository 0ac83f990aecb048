package io.nty.api;

/**
 * A suspending operation was called outside a coroutine (§3.6).
 *
 * <p>Yield, sleep and fd waits only make sense inside a coroutine; outside one there is nothing
 * to suspend. (Socket hooks are the exception: outside a coroutine they block like plain calls.)
 */
public class NotInCoroutineException extends NtyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the rule or the object involved
     */
    public NotInCoroutineException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public NotInCoroutineException(String message, Throwable cause) {
        super(message, cause);
    }
}
