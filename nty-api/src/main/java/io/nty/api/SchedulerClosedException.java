package io.nty.api;

/**
 * An operation was attempted on a scheduler that has been closed.
 */
public class SchedulerClosedException extends NtyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the rule or the object involved
     */
    public SchedulerClosedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public SchedulerClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
