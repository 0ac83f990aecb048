package io.nty.api;

/**
 * A coroutine tried to wait on an fd in a direction another coroutine already waits in (§4.1):
 * a second reader, or a second writer. A reader and a writer may wait on one fd at once.
 *
 * <p>The first waiter is unaffected; the second gets this exception at once and keeps running.
 */
public class FdBusyException extends NtyException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the rule or the object involved */
    public FdBusyException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public FdBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
