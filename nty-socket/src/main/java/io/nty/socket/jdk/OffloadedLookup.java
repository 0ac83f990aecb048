package io.nty.socket.jdk;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineCancelledException;
import io.nty.api.Scheduler;
import io.nty.sync.BlockingOffload;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Where a host-name lookup runs: on the resolver offload ({@link JdkSocketHook#resolverOffload()})
 * when the caller is a coroutine and an offload is set, otherwise on the calling thread. The one
 * routing rule for both the JDK's resolver SPI ({@link NtyResolverProvider}) and
 * {@code NtySocketImpl}'s own lookup.
 *
 * <p>Outcomes, and why:
 * <ul>
 *   <li>What the lookup throws ({@link UnknownHostException} above all) is rethrown as is, not
 *       wrapped in the offload's {@link ExecutionException}.</li>
 *   <li>A full or closed offload ({@link RejectedExecutionException}): the lookup runs on the
 *       calling thread, blocking it as without an offload ({@link BlockingWatch} names it when it
 *       is slow). Not an error, because the JDK turns any unchecked exception of a resolver into
 *       an {@code UnknownHostException} and caches that for {@code networkaddress.cache.negative.ttl}
 *       (10 s by default): a burst of lookups would make a healthy name unknown to the whole
 *       process.</li>
 *   <li>The caller cancelled while it waits (§6.3): the offload interrupts the worker and drops
 *       the late result; the cancellation is made pending again, so that the coroutine's next
 *       suspending call throws {@link CoroutineCancelledException}, and the lookup throws an
 *       {@code UnknownHostException} caused by the cancellation. The cancellation cannot leave
 *       the lookup itself: {@code InetAddress} catches a resolver's unchecked exceptions (it then
 *       returns the address literal of a reverse lookup, the loopback address for
 *       {@code "localhost"}, and caches the failure of other names as above).</li>
 * </ul>
 *
 * <p>Stateless: it reads the offload slot at each call.
 */
final class OffloadedLookup {

    /** A blocking lookup. */
    @FunctionalInterface
    interface Lookup<T> {
        /**
         * Runs the lookup.
         *
         * @return its result
         * @throws UnknownHostException if the name or address is not known
         */
        T run() throws UnknownHostException;
    }

    private OffloadedLookup() {
    }

    /**
     * Runs {@code lookup} where the rule above says.
     *
     * @param what the name or address looked up, for messages
     * @param lookup the blocking lookup
     * @param <T> its result type
     * @return what {@code lookup} returned
     * @throws UnknownHostException if {@code lookup} threw it, or the caller was cancelled
     */
    static <T> T run(String what, Lookup<T> lookup) throws UnknownHostException {
        BlockingOffload offload = JdkSocketHook.resolverOffload();
        if (offload == null) {
            return lookup.run();
        }
        Scheduler scheduler = Scheduler.ofCurrentThread().orElse(null);
        Coroutine caller = scheduler == null ? null : scheduler.current().orElse(null);
        if (caller == null) {
            return lookup.run();
        }
        try {
            return offload.call(lookup::run);
        } catch (ExecutionException e) {
            throw rethrown(what, e.getCause());
        } catch (RejectedExecutionException fullOrClosed) {
            return lookup.run();
        } catch (CoroutineCancelledException cancelled) {
            scheduler.cancel(caller); // pending again: the coroutine's next suspension throws it
            UnknownHostException u = new UnknownHostException(what + ": lookup abandoned, coroutine " + caller.id()
                    + " was cancelled (§6.3)");
            u.initCause(cancelled);
            throw u;
        }
    }

    private static UnknownHostException rethrown(String what, Throwable cause) {
        if (cause instanceof UnknownHostException u) {
            return u;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        UnknownHostException u = new UnknownHostException("cannot resolve " + what + ": " + cause);
        u.initCause(cause);
        return u;
    }
}
