package io.nty.nswitch;

/**
 * The life cycle of a {@link NativeContext}: {@code NEW → RUNNING} on the first resume (§2.1);
 * {@code RUNNING → SUSPENDED} when it yields, sleeps or waits; {@code SUSPENDED → RUNNING} on the
 * next resume; {@code RUNNING → EXITED} when its function returns (§2.2); any state but RUNNING
 * {@code → FREED} by {@link NativeContext#free()}. EXITED and FREED are final for resuming.
 */
public enum NativeState {
    /** Created, never resumed: its function has not started. */
    NEW,
    /** Yielded; {@link NativeContext#lastRequest()} says what it asked for. */
    SUSPENDED,
    /** On the CPU: it, or a native coroutine it resumed, is running. */
    RUNNING,
    /** Its function returned; it is never resumed again and its stack is unmapped. */
    EXITED,
    /** Freed: its native memory is gone; only {@link NativeContext#state()} may still be asked. */
    FREED;

    /** {@return the state for the native {@code enum nty_state} value} */
    static NativeState ofNative(int state) {
        return switch (state) {
            case 0 -> NEW;
            case 1 -> SUSPENDED;
            case 2 -> RUNNING;
            case 3 -> EXITED;
            default -> throw new IllegalStateException("unknown native coroutine state " + state);
        };
    }

    /** {@return whether a context in this state may be resumed} */
    public boolean isResumable() {
        return this == NEW || this == SUSPENDED;
    }
}
