package io.nty.api;

/**
 * The base of the errors nty raises when a scheduler or coroutine is misused.
 *
 * <p>Subtypes name the problem; messages name the rule (§N.M), the coroutine, fd or thread.
 */
public class NtyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the rule or the object involved
     */
    public NtyException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public NtyException(String message, Throwable cause) {
        super(message, cause);
    }
}
