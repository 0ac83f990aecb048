package io.nty.nswitch;

import io.nty.api.CoroutineFunction;
import io.nty.api.FdBusyException;
import io.nty.api.FdClosedException;
import io.nty.api.Scheduler;
import io.nty.api.WaitTimeoutException;

/**
 * The Java body of a coroutine that hosts a native one: resume the native context, carry out
 * the request it left through the scheduler, repeat until it exits.
 *
 * <p>Each scheduler call ({@link Scheduler#yieldNow()}, {@link Scheduler#sleep(long)},
 * {@link Scheduler#await}) suspends this Java coroutine exactly as if its own code had made it,
 * so a native coroutine is queued, woken and ordered by the same rules as a Java one (§1, §3).
 * The native call has returned before any of them is made: the Java coroutine is never
 * suspended with a native frame on its stack.
 *
 * <p>The context is freed when the body ends, normally or not (§2.2).
 */
final class NativeCoroutineBody implements CoroutineFunction<NativeContext> {

    private final Scheduler scheduler;

    NativeCoroutineBody(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void run(NativeContext context) {
        try (context) {
            NativeRequest request = context.resume();
            while (!(request instanceof NativeRequest.Exit)) {
                carryOut(request, context);
                request = context.resume();
            }
        }
    }

    private void carryOut(NativeRequest request, NativeContext context) {
        switch (request) {
            case NativeRequest.Yield y -> scheduler.yieldNow();
            case NativeRequest.Sleep s -> scheduler.sleep(s.millis());
            case NativeRequest.Await a -> context.completeWait(await(a));
            case NativeRequest.Exit e -> throw new IllegalStateException("exit is not carried out");
        }
    }

    /** {@return what the native {@code nty_coroutine_wait} returns: events or an NTY_WAIT_* code} */
    private int await(NativeRequest.Await a) {
        try {
            return scheduler.await(a.fd(), a.events(), a.timeoutMillis());
        } catch (WaitTimeoutException e) {
            return NativeWaitResult.TIMEOUT;
        } catch (FdClosedException e) {
            return NativeWaitResult.CLOSED;
        } catch (FdBusyException e) {
            return NativeWaitResult.BUSY;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return NativeWaitResult.FAILED;
        }
    }
}
