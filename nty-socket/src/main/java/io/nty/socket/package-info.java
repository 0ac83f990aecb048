/**
 * nty-socket: NtyCo's socket hooks for the JVM, and the epoll poller that makes them cheap.
 *
 * <h2>What this module owns</h2>
 * <ul>
 *   <li>{@link io.nty.socket.NtySockets}: the fd-level hooks ({@code socket}, {@code bind},
 *       {@code listen}, {@code accept}, {@code connect}, {@code recv}, {@code send},
 *       {@code recvfrom}, {@code sendto}, {@code poll}, {@code shutdown}, {@code close}, socket
 *       options) for IPv4 and IPv6, TCP and UDP. Inside a coroutine they try the syscall first and
 *       suspend through {@link io.nty.api.Scheduler#await} only on {@code EAGAIN}, so they never
 *       block the scheduler thread (§4.4); outside a coroutine they block like plain calls
 *       (§3.6). {@code connect(host, port, resolver, timeout)} resolves the name on an
 *       {@code io.nty.sync.BlockingOffload} worker first, so only the calling coroutine
 *       waits for the lookup.</li>
 *   <li>{@link io.nty.socket.NtyServerSocket}, {@link io.nty.socket.NtySocket},
 *       {@link io.nty.socket.NtyDatagramSocket}: idiomatic, {@code AutoCloseable} classes on top,
 *       working with {@link java.nio.ByteBuffer} and {@link java.net.InetSocketAddress}.</li>
 *   <li>{@link io.nty.socket.ErrnoException}: failures carrying the errno name (§4.5).</li>
 *   <li>{@link io.nty.socket.epoll}: the epoll implementation of {@link io.nty.api.spi.Poller},
 *       found by schedulers through {@link java.util.ServiceLoader}.</li>
 * </ul>
 *
 * <h2>What it must not touch</h2>
 * It implements the {@code nty-api} contracts and never changes them; it does not reach into a
 * scheduler's internals (ready queue, wait table): fd exclusivity per direction (§4.1), timeouts
 * and close wake-ups (§4.3) are the scheduler's, reached only through
 * {@link io.nty.api.Scheduler#await}, {@link io.nty.api.Scheduler#fdClosed} and, for a close on
 * another thread, the poller SPI's {@code ReadySink.closed}. {@code io.nty.socket.internal} (the libc binding)
 * is not API. Linux only; elsewhere {@link io.nty.socket.NtySockets#isAvailable()} is false and
 * the epoll provider reports itself unavailable.
 */
package io.nty.socket;
