package io.nty.api;

/**
 * The fd a coroutine waited on was closed by another coroutine during the wait (§4.3).
 */
public class FdClosedException extends NtyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the rule or the object involved
     */
    public FdClosedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public FdClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
