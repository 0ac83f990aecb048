package io.nty.socket.jdk;

import io.nty.socket.NtySockets;
import io.nty.sync.BlockingOffload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Objects;

/**
 * NtyCo's {@code COROUTINE_HOOK} for the JVM: one call at start-up makes every
 * {@link Socket} and {@link ServerSocket} of the process an nty socket, so that unmodified
 * blocking clients (JDBC drivers, Redis clients) suspend only their coroutine where they would
 * block (§4.4) and still block as before outside coroutines (§3.6). See the package
 * documentation for what is and is not hooked.
 *
 * <h2>The one piece of process-wide state</h2>
 * The JDK's factory slots ({@link Socket#setSocketImplFactory}, {@link ServerSocket#setSocketFactory})
 * are process-wide and can be set once only, by anyone. This class is their single owner in nty:
 * nothing else in nty touches them, {@link #install()} is idempotent, and {@link #isInstalled()}
 * says whether nty owns them. There is no uninstall, because the JDK has none. Code that needs
 * the JDK's own sockets in the same process cannot have them after {@code install()}.
 *
 * <h2>Name lookups: the second piece</h2>
 * The JDK resolves host names in {@link InetAddress} before a socket sees them, through one
 * resolver per process, chosen at the first lookup from the {@code InetAddressResolverProvider}s
 * on the class path ({@link NtyResolverProvider}, registered by nty-socket's jar). That resolver
 * hands a lookup made inside a coroutine to the <em>resolver offload</em> kept here, a
 * {@link BlockingOffload} set by {@link #install(BlockingOffload)} (or the agent's
 * {@code resolverWorkers} option): only the calling coroutine waits. This class is the slot's
 * single owner: it is set once, never cleared, and read on every lookup. Without it (plain
 * {@link #install()}, or nty-socket merely on the class path) every lookup runs the JDK's
 * built-in resolver on the calling thread, as without nty.
 */
public final class JdkSocketHook {

    /** Whether nty set both factories; guarded by the class lock, like the JDK's slots. */
    private static boolean installed;
    /** The offload for name lookups made inside coroutines, or null; set once, read lock-free. */
    private static volatile BlockingOffload resolverOffload;

    private JdkSocketHook() {
    }

    /**
     * Installs nty's socket implementation for {@code Socket} and {@code ServerSocket}. Call it
     * once, before the program makes its first socket (sockets made before keep the JDK's
     * implementation); or start the JVM with {@code -javaagent:} nty-socket's jar
     * ({@link NtyAgent}).
     *
     * @return {@code true} if this call installed it, {@code false} if nty had already
     * @throws IllegalStateException if another socket factory was installed first (the JDK allows
     *         one per process), naming which slot; or if nty-socket is unavailable here (not Linux)
     */
    public static synchronized boolean install() {
        if (installed) {
            return false;
        }
        if (!NtySockets.isAvailable()) {
            throw new IllegalStateException("cannot hook java.net sockets: nty-socket is unavailable on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + " (Linux only)");
        }
        try {
            setClientFactory();
        } catch (IOException e) {
            throw new IllegalStateException("cannot hook java.net.Socket: Socket.setSocketImplFactory was"
                    + " already called by other code in this process (the JDK allows it once); nty's"
                    + " hook must be the first and only one", e);
        }
        try {
            setServerFactory();
        } catch (IOException e) {
            installed = true; // the client slot is nty's now and cannot be given back
            throw new IllegalStateException("java.net.Socket is hooked, but ServerSocket is not:"
                    + " ServerSocket.setSocketFactory was already called by other code in this process;"
                    + " accepted connections keep the other implementation", e);
        }
        installed = true;
        return true;
    }

    /**
     * Installs the hook as {@link #install()} does, and makes host-name lookups made inside
     * coroutines ({@code InetAddress.getByName}, {@code new InetSocketAddress(host, port)},
     * reverse lookups) run on {@code resolver} while only the calling coroutine waits (see
     * {@link NtyResolverProvider} for the exact contract). Lookups outside coroutines still run on
     * the calling thread. The offload is kept for the life of the process: do not close it.
     *
     * @param resolver the offload that name lookups inside coroutines run on
     * @return {@code true} if this call installed the socket factories, {@code false} if nty had
     *         already (the resolver offload is set either way)
     * @throws IllegalStateException as {@link #install()}; or if a different resolver offload
     *         was set before (there is one per process, and it cannot be replaced)
     */
    public static synchronized boolean install(BlockingOffload resolver) {
        Objects.requireNonNull(resolver, "resolver must not be null");
        BlockingOffload current = resolverOffload;
        if (current != null && current != resolver) {
            throw new IllegalStateException("a resolver offload is already set for this process (" + current
                    + "); it is set once and cannot be replaced by " + resolver);
        }
        boolean installedNow = install();
        resolverOffload = resolver;
        return installedNow;
    }

    /**
     * {@return the offload that name lookups inside coroutines run on, or {@code null} if none was
     * set by {@link #install(BlockingOffload)}}
     */
    static BlockingOffload resolverOffload() {
        return resolverOffload;
    }

    /** {@return whether {@link #install()} has hooked the JDK's sockets in this process} */
    public static synchronized boolean isInstalled() {
        return installed;
    }

    @SuppressWarnings("deprecation") // the factory slots are deprecated but present in JDK 21-25
    private static void setClientFactory() throws IOException {
        Socket.setSocketImplFactory(new NtySocketImplFactory(false));
    }

    @SuppressWarnings("deprecation")
    private static void setServerFactory() throws IOException {
        ServerSocket.setSocketFactory(new NtySocketImplFactory(true));
    }
}
