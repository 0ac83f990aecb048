package io.nty.api;

/**
 * A coroutine tried to join itself, or a coroutine that (directly or through others) is joining
 * it (§6.2). The join would never end, so it fails at once; the message lists the cycle. The
 * caller keeps running and nothing was queued.
 */
public class JoinCycleException extends NtyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the cycle, naming the rule
     */
    public JoinCycleException(String message) {
        super(message);
    }
}
