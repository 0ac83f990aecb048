package io.nty.examples.server;

import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A running server: one or more {@link ServerThread}s and the addresses they listen on. Closing
 * it stops every thread and waits for them.
 */
public final class ServerGroup implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final List<ServerThread> threads;
    private final List<InetSocketAddress> addresses;

    private ServerGroup(List<ServerThread> threads, List<InetSocketAddress> addresses) {
        this.threads = List.copyOf(threads);
        this.addresses = List.copyOf(addresses);
    }

    /**
     * Starts one thread per element of {@code listenFdsPerThread}, each running a
     * {@link CoroutineServer} on those fds with a handler from {@code handlers}. If a thread
     * cannot start, the ones already started are stopped and every fd is closed.
     *
     * @param name thread name prefix
     * @param listenFdsPerThread listening fds, owned from now on by the group
     * @param handlers makes a handler per thread
     * @param idleTimeoutMillis close connections that received nothing for this long, {@code > 0}
     * @return the running group
     */
    public static ServerGroup start(String name, List<int[]> listenFdsPerThread,
            Supplier<? extends ConnectionHandler> handlers, long idleTimeoutMillis)
            throws ErrnoException, InterruptedException {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (int[] fds : listenFdsPerThread) {
            for (int fd : fds) {
                InetSocketAddress a = NtySockets.localAddress(fd);
                if (!addresses.contains(a)) {
                    addresses.add(a);
                }
            }
        }
        List<Service> services = new ArrayList<>();
        try {
            for (int[] fds : listenFdsPerThread) {
                services.add(new CoroutineServer(fds, handlers.get(), idleTimeoutMillis));
            }
        } catch (RuntimeException e) {
            for (int[] fds : listenFdsPerThread) {
                for (int fd : fds) {
                    Listeners.closeQuietly(fd, e);
                }
            }
            throw e;
        }
        return startServices(name, services, addresses);
    }

    /**
     * Starts one thread per service. If a thread cannot start, the ones already started are
     * stopped and the services not started yet are stopped (which closes their fds).
     *
     * @param name thread name prefix
     * @param services what each thread runs, owning its fds from now on
     * @param addresses the addresses the services listen on, for {@link #addresses()}
     * @return the running group
     */
    public static ServerGroup startServices(String name, List<? extends Service> services,
            List<InetSocketAddress> addresses) throws InterruptedException {
        List<ServerThread> started = new ArrayList<>();
        int i = 0;
        try {
            for (; i < services.size(); i++) {
                started.add(ServerThread.start(name + "-" + i, services.get(i)));
            }
        } catch (RuntimeException | InterruptedException e) {
            for (int k = i + 1; k < services.size(); k++) {
                services.get(k).stop();
            }
            new ServerGroup(started, addresses).close();
            throw e;
        }
        return new ServerGroup(started, addresses);
    }

    /** @return the services the group's threads run, one per thread, in start order */
    public List<Service> services() {
        return threads.stream().map(ServerThread::server).toList();
    }

    /** @return the distinct addresses the group listens on, in the order of its fds */
    public List<InetSocketAddress> addresses() {
        return addresses;
    }

    /** @return connections accepted so far; exact once the group has stopped */
    public long accepted() {
        return threads.stream().mapToLong(t -> t.server().accepted()).sum();
    }

    /**
     * Stops the group when the JVM shuts down (SIGINT, SIGTERM) and then prints
     * {@code stopped after N connections} to {@code out}.
     */
    public void stopOnShutdown(PrintStream out) {
        ServerThread.stopOnShutdown(threads, STOP_TIMEOUT,
                () -> out.println("stopped after " + accepted() + " connections"));
    }

    /** Waits until every thread has ended, however long that takes. */
    public void awaitTermination() throws InterruptedException {
        for (ServerThread t : threads) {
            t.join();
        }
    }

    /**
     * Stops every thread and waits up to 5 s for them.
     *
     * @throws IllegalStateException if a thread did not stop in time
     */
    @Override
    public void close() throws InterruptedException {
        threads.forEach(ServerThread::requestStop);
        for (ServerThread t : threads) {
            if (!t.awaitStopped(STOP_TIMEOUT)) {
                throw new IllegalStateException("a server thread did not stop within " + STOP_TIMEOUT);
            }
        }
    }
}
