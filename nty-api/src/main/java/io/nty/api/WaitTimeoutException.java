package io.nty.api;

/**
 * A wait on an fd reached its timeout before the fd became ready (§4.3).
 */
public class WaitTimeoutException extends NtyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the rule or the object involved
     */
    public WaitTimeoutException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public WaitTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
