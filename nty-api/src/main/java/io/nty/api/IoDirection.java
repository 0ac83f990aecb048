package io.nty.api;

/**
 * The two directions a coroutine can wait on an fd in (§4.1): each has its own waiter slot, so
 * one coroutine can wait to read a socket while another waits to write it.
 *
 * <p>A wait for {@code READ|WRITE} occupies both slots. {@link IoEvents#ERROR} and
 * {@link IoEvents#HANGUP} are readiness of both directions: after either, the next receive and
 * the next send both return at once (with data, end of stream or the error).
 */
public enum IoDirection {
    /** Waiting to receive, accept or see end of stream: {@link IoEvents#READ}. */
    READ(IoEvents.READ),
    /** Waiting to send or for a connect to finish: {@link IoEvents#WRITE}. */
    WRITE(IoEvents.WRITE);

    private final int mask;

    IoDirection(int mask) {
        this.mask = mask;
    }

    /** {@return this direction's interest bit, {@link IoEvents#READ} or {@link IoEvents#WRITE}} */
    public int mask() {
        return mask;
    }

    /**
     * {@return whether they make a waiter of this direction ready: its own bit, or
     *         {@link IoEvents#ERROR} / {@link IoEvents#HANGUP}}
     *
     * @param readyEvents events a poller reported
     */
    public boolean isReadyIn(int readyEvents) {
        return (readyEvents & (mask | IoEvents.ERROR | IoEvents.HANGUP)) != 0;
    }

    /**
     * {@return whether this direction is part of it}
     *
     * @param interest an interest mask
     */
    public boolean isIn(int interest) {
        return (interest & mask) != 0;
    }
}
