package io.nty.api;

/**
 * A coroutine tried to suspend where its context cannot be switched: a native frame on its
 * stack, a critical section, or, on JDKs before 24, a held monitor. The message names the cause.
 * The coroutine keeps running; nothing was queued.
 */
public class CoroutinePinnedException extends NtyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the rule or the object involved
     */
    public CoroutinePinnedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public CoroutinePinnedException(String message, Throwable cause) {
        super(message, cause);
    }
}
