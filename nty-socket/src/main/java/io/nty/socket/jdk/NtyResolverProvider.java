package io.nty.socket.jdk;

import io.nty.sync.BlockingOffload;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The JDK's resolver SPI for nty: host-name lookups made inside a coroutine run on a
 * {@link BlockingOffload} worker, so that only the calling coroutine waits. Registered in
 * nty-socket's {@code META-INF/services}; not meant to be called directly.
 *
 * <p>Contract of the resolver it provides:
 * <ul>
 *   <li>Inside a coroutine, when the resolver offload is set ({@link JdkSocketHook#install(BlockingOffload)}
 *       or the agent's {@code resolverWorkers} option), a forward lookup
 *       ({@link InetAddressResolver#lookupByName}) and a reverse one
 *       ({@link InetAddressResolver#lookupByAddress}) run the JDK's built-in resolver on an
 *       offload worker while the coroutine is suspended; other coroutines of its thread run
 *       meanwhile.</li>
 *   <li>Otherwise (outside a coroutine, or no offload set) they call the built-in resolver on
 *       the calling thread: a program that merely has nty-socket on its class path resolves
 *       exactly as before.</li>
 *   <li>Failures, a full offload and cancellation as {@code OffloadedLookup} states:
 *       {@link UnknownHostException} as the built-in resolver threw it; a full or closed offload
 *       falls back to the calling thread; a cancelled coroutine gets its
 *       {@code CoroutineCancelledException} from its next suspension.</li>
 * </ul>
 *
 * <h2>Process-wide state</h2>
 * The JDK loads one provider per process, at the first lookup, and keeps the resolver it made
 * for the life of the process; {@code InetAddress}'s cache sits above it (a cached name is not
 * looked up again). If another provider is on the class path, whichever {@code ServiceLoader}
 * finds first wins; with {@code -Djdk.net.hosts.file} the JDK uses no provider at all. The
 * offload itself is {@link JdkSocketHook}'s slot, read at each lookup, so the order of
 * {@code install} and the first lookup does not matter.
 */
public final class NtyResolverProvider extends InetAddressResolverProvider {

    /** Called by {@code ServiceLoader}. */
    public NtyResolverProvider() {
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        return new CoroutineResolver(configuration.builtinResolver());
    }

    @Override
    public String name() {
        return "nty: the built-in resolver, on a blocking offload inside coroutines";
    }

    /** The built-in resolver, run where {@link OffloadedLookup} says. */
    private static final class CoroutineResolver implements InetAddressResolver {
        private final InetAddressResolver builtin;

        CoroutineResolver(InetAddressResolver builtin) {
            this.builtin = Objects.requireNonNull(builtin, "builtin resolver");
        }

        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
            // Collected where the lookup runs: the stream may be lazy, and must not block here.
            List<InetAddress> found = OffloadedLookup.run(host, () -> builtin.lookupByName(host, policy).toList());
            return found.stream();
        }

        @Override
        public String lookupByAddress(byte[] address) throws UnknownHostException {
            byte[] copy = address.clone();
            return OffloadedLookup.run(describe(copy), () -> builtin.lookupByAddress(copy));
        }

        private static String describe(byte[] address) {
            try {
                return InetAddress.getByAddress(address).getHostAddress(); // a literal: no lookup
            } catch (UnknownHostException badLength) {
                return address.length + "-byte address";
            }
        }

        @Override
        public String toString() {
            return "nty resolver over " + builtin;
        }
    }
}
