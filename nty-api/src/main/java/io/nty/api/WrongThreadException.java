package io.nty.api;

/**
 * A scheduler was used from a thread it does not belong to (§5.1).
 *
 * <p>Only {@link java.util.concurrent.Executor#execute} may be called from other threads (§1.3).
 */
public class WrongThreadException extends NtyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the rule or the object involved
     */
    public WrongThreadException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public WrongThreadException(String message, Throwable cause) {
        super(message, cause);
    }
}
