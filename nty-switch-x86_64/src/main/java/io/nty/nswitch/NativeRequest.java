package io.nty.nswitch;

/**
 * What a native coroutine asked for when it last switched back to its resumer
 * ({@code struct nty_request} in {@code nty_switch.h}). A scheduler carries it out and then
 * resumes the coroutine again — except after {@link Exit}, which is final.
 */
public sealed interface NativeRequest {

    /** {@code nty_coroutine_yield()} (or {@code sleep(0)}): requeue at the ready tail (§3.2). */
    record Yield() implements NativeRequest {
    }

    /**
     * {@code nty_coroutine_sleep(ms)}: resume after at least {@code millis} ms (§3.4).
     *
     * @param millis how long, {@code > 0}
     */
    record Sleep(long millis) implements NativeRequest {
    }

    /**
     * {@code nty_coroutine_wait(fd, events, timeout)}: resume when the fd is ready, the timeout
     * expires, or the fd is closed (§4.3). The answer goes back through
     * {@link NativeContext#completeWait(int)}.
     *
     * @param fd the file descriptor
     * @param events {@link io.nty.api.IoEvents#READ} and/or {@link io.nty.api.IoEvents#WRITE}
     * @param timeoutMillis the longest wait, 0 for none
     */
    record Await(int fd, int events, long timeoutMillis) implements NativeRequest {
    }

    /** The function returned: the coroutine is EXITED and never resumed again (§2.2). */
    record Exit() implements NativeRequest {
    }

    /** The one {@link Yield} value. */
    NativeRequest YIELD = new Yield();

    /** The one {@link Exit} value. */
    NativeRequest EXIT = new Exit();
}
