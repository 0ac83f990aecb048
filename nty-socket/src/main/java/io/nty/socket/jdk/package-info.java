/**
 * The JDK's blocking sockets on nty's hooks: NtyCo's {@code COROUTINE_HOOK}, the JVM's way.
 *
 * <p>NtyCo interposes libc's {@code socket}, {@code connect}, {@code accept}, {@code recv},
 * {@code send} and {@code close} through {@code dlsym(RTLD_NEXT)}. nty installs, once per process,
 * a socket-implementation factory for {@link java.net.Socket} and {@link java.net.ServerSocket}
 * ({@link io.nty.socket.jdk.JdkSocketHook#install()}, or {@code -javaagent}:
 * {@link io.nty.socket.jdk.NtyAgent}); its sockets call {@link io.nty.socket.NtySockets}.
 *
 * <h2>Hooked</h2>
 * {@code Socket} (connect with or without a timeout, {@code getInputStream().read},
 * {@code getOutputStream().write}, {@code available}, {@code shutdownInput/Output},
 * {@code close}), {@code ServerSocket} (bind, accept with {@code SO_TIMEOUT}), IPv4 and IPv6,
 * and the options {@code SO_TIMEOUT}, {@code TCP_NODELAY}, {@code SO_KEEPALIVE},
 * {@code SO_REUSEADDR}, {@code SO_REUSEPORT}, {@code SO_OOBINLINE}, {@code SO_SNDBUF},
 * {@code SO_RCVBUF}, {@code SO_LINGER}, {@code IP_TOS}. Inside a coroutine a call that cannot
 * finish at once suspends only that coroutine (§4.4); outside a coroutine it blocks the calling
 * thread, as before (§3.6). Failures have the JDK's types and messages
 * ({@link java.net.ConnectException} "Connection refused", {@link java.net.SocketTimeoutException}
 * "Read timed out" / "Connect timed out" / "Accept timed out", {@link java.net.SocketException}
 * "Connection reset" / "Socket closed", {@link java.net.BindException},
 * {@link java.net.UnknownHostException}), with nty's exception, which names the errno, as the cause.
 * {@code close} from another coroutine wakes a waiter with "Socket closed" (§4.3). Layered
 * sockets ({@code SSLSocket} over a plain socket) work on top.
 *
 * <h2>Not hooked: these block the scheduler thread and every coroutine on it</h2>
 * <ul>
 *   <li>Host-name resolution ({@code InetAddress.getByName}, {@code new InetSocketAddress(host,
 *       port)}, reverse lookups), unless the hook was installed with a resolver offload
 *       ({@link io.nty.socket.jdk.JdkSocketHook#install(io.nty.sync.BlockingOffload)}, or the
 *       agent's {@code resolverWorkers=N}): then {@link io.nty.socket.jdk.NtyResolverProvider},
 *       registered for the JDK's resolver SPI, runs a lookup made inside a coroutine on the
 *       offload and only that coroutine waits. Without one, and outside coroutines, lookups run on
 *       the calling thread as without nty; use IP literals or resolve before starting coroutines
 *       where that matters.</li>
 *   <li>NIO channels ({@code SocketChannel}, {@code ServerSocketChannel}, {@code Selector}),
 *       {@code DatagramSocket}, {@code Thread.sleep}, file IO, {@code Process} IO.</li>
 *   <li>Waiting on a lock or condition ({@code synchronized} contention,
 *       {@code ReentrantLock.lock}, {@code Semaphore.acquire}, {@code BlockingQueue.take},
 *       {@code Future.get}). JDK locks belong to threads, and all coroutines of a scheduler share
 *       one: a lock held across a suspension is held by the scheduler thread meanwhile, so a
 *       reentrant one ({@code synchronized}, {@code ReentrantLock}) lets any other coroutine of
 *       that thread in (their mutual exclusion is silently gone: JDK 24+ continuations do not pin
 *       on monitors), and a non-reentrant one blocks the thread for good. Holding a lock across a
 *       suspension is safe only when no other coroutine of the thread takes it (a JDBC driver
 *       locking its own connection, one connection per coroutine). Detection:
 *       {@code -Dnty.socket.jdk.lockCheck=warn} (or {@code fail}) names every monitor and lock
 *       held when a hooked call that may suspend is entered (costly: diagnostics only).</li>
 *   <li>Virtual threads: with the hook installed their sockets are nty's too, and block their
 *       carrier thread in {@code poll(2)} (nty's fallback outside coroutines). Do not mix the two
 *       in one process.</li>
 * </ul>
 *
 * <h2>Detecting what is not hooked</h2>
 * {@link io.nty.socket.jdk.BlockingWatch} reports a scheduler thread that stays away from its
 * scheduler too long and names the call it is blocked in (NIO, {@code Thread.sleep}, a name
 * lookup, file IO, a lock wait, a socket with the JDK's own implementation, or CPU work);
 * {@code -Dnty.socket.jdk.lockCheck} names the locks held when a hooked call may suspend.
 *
 * <h2>State</h2>
 * The factory slots are process-wide and set once ({@link io.nty.socket.jdk.JdkSocketHook} owns
 * them), and so is its resolver offload; the JDK loads one resolver provider per process, at the
 * first lookup, and keeps it (nty's only routes lookups; it holds no state but the built-in
 * resolver). Each socket's state is its own {@code NtySocketImpl}. Sockets made before
 * {@code install()} keep the JDK's implementation.
 */
package io.nty.socket.jdk;
