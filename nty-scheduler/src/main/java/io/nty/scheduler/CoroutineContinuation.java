package io.nty.scheduler;

import io.nty.api.CoroutinePinnedException;
import io.nty.api.spi.ContextSwitch;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * One coroutine context as a {@link Continuation} in nty's own scope.
 *
 * <p>Loaded only after {@link ContinuationSwitch#create()} has checked access to
 * {@code jdk.internal.vm}, because loading a subclass of {@code Continuation} without it fails
 * with an unhelpful {@link IllegalAccessError}.
 */
final class CoroutineContinuation extends Continuation implements ContextSwitch.Context {

    private static final ContinuationScope SCOPE = new ContinuationScope("nty");

    CoroutineContinuation(Runnable entry) {
        super(SCOPE, entry);
    }

    static void suspend() {
        Continuation.yield(SCOPE);
    }

    @Override
    public boolean resume() {
        if (isDone()) {
            throw new IllegalStateException("cannot resume a finished coroutine context (§2.2)");
        }
        run();
        return isDone();
    }

    /**
     * Called by the JDK, on the coroutine's thread, when a yield cannot unmount the frames: the
     * exception propagates out of {@link #suspend()} to the coroutine that tried to suspend.
     */
    @Override
    protected void onPinned(Continuation.Pinned reason) {
        throw new CoroutinePinnedException("cannot suspend the coroutine here: its context is pinned by "
                + describe(reason) + "; move the yield, sleep or IO wait out of that region");
    }

    private static String describe(Continuation.Pinned reason) {
        return switch (reason) {
            case NATIVE -> "a native frame on its stack (JNI or a foreign call is in progress)";
            case MONITOR -> "a held monitor (a synchronized block or method; JDK 24+ does not pin here)";
            case CRITICAL_SECTION -> "a critical section (Continuation.pin() or class initialization)";
            default -> reason.toString();
        };
    }
}
