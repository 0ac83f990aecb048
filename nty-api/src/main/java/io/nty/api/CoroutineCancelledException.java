package io.nty.api;

/**
 * The calling coroutine was cancelled (§6.3): thrown at its suspension point (yield, sleep, fd
 * wait, park, join, or a socket hook waiting inside one of these), or at once by the next
 * suspending call if it was cancelled while running.
 *
 * <p>Throwing it consumes the cancellation: a coroutine that catches it and goes on is no longer
 * cancelled, and its {@code finally} blocks may suspend again. When it escapes the coroutine's
 * function it ends the coroutine as cancelled; that is the expected end and does not reach the
 * scheduler's {@link CoroutineExceptionHandler}.
 */
public class CoroutineCancelledException extends NtyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was cancelled and where, naming the rule
     */
    public CoroutineCancelledException(String message) {
        super(message);
    }
}
