package io.nty.nswitch;

/**
 * The values {@code nty_coroutine_wait} returns besides ready events, as the resumer passes
 * them to {@link NativeContext#completeWait(int)} ({@code NTY_WAIT_*} in {@code nty_switch.h}).
 */
public final class NativeWaitResult {

    /** The timeout expired first (§4.3). */
    public static final int TIMEOUT = 0;
    /** Another coroutine closed the fd during the wait (§4.3). */
    public static final int CLOSED = -1;
    /** Another coroutine already waits on the fd (§4.1). */
    public static final int BUSY = -2;
    /** The wait could not be carried out (bad arguments, or the scheduler cannot poll fds). */
    public static final int FAILED = -3;

    private NativeWaitResult() {
    }
}
