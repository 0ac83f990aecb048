package io.nty.api;

/**
 * A joined coroutine did not return normally (§6.2): its function threw (the cause is what it
 * threw) or it was cancelled (the cause is a {@link CoroutineCancelledException}).
 *
 * <p>Thrown by {@link Scheduler#join} to the joiner, which itself was not cancelled. The failure
 * also reached the scheduler's handler as §2.3 says, unless it was a cancellation.
 */
public class CoroutineFailedException extends NtyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which coroutine failed, naming the rule
     * @param cause what ended it
     */
    public CoroutineFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@return whether the joined coroutine was cancelled rather than failing by itself} */
    public boolean wasCancelled() {
        return getCause() instanceof CoroutineCancelledException;
    }
}
