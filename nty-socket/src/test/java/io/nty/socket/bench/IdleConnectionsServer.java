package io.nty.socket.bench;

import io.nty.api.Coroutines;
import io.nty.api.FdClosedException;
import io.nty.scheduler.NtyScheduler;
import io.nty.socket.NtyServerSocket;
import io.nty.socket.NtySocket;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds many idle connections on one scheduler thread, for nty's budget of 100,000
 * concurrent idle connections (see {@code src/test/syscalls/idle.sh}); not a test.
 *
 * <p>Listens on {@code listeners} consecutive ports from {@code basePort} (one client source
 * port range per destination port); one coroutine per connection waits in {@code read} until the
 * client closes. Once {@code connections} are open it reports the heap in use and the scheduler
 * thread's CPU time over one idle second, then serves until every connection has closed.
 *
 * <p>Usage: {@code IdleConnectionsServer <basePort> <listeners> <connections>}
 */
public final class IdleConnectionsServer {

    private IdleConnectionsServer() {
    }

    public static void main(String[] args) throws Exception {
        int basePort = Integer.parseInt(args[0]);
        int listenerCount = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        int[] open = {0};
        int[] accepted = {0};
        try (NtyScheduler scheduler = NtyScheduler.create()) {
            List<NtyServerSocket> listeners = new ArrayList<>();
            for (int i = 0; i < listenerCount; i++) {
                listeners.add(NtyServerSocket.bind(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), basePort + i), 4096, false));
            }
            System.out.println("LISTENING " + listenerCount);
            System.out.flush();
            for (NtyServerSocket listener : listeners) {
                scheduler.create(x -> {
                    while (accepted[0] < connections) {
                        NtySocket conn;
                        try {
                            conn = listener.accept();
                        } catch (FdClosedException | ClosedChannelException e) {
                            return; // another acceptor reached the count and closed the listeners
                        }
                        accepted[0]++;
                        open[0]++;
                        scheduler.create(c -> {
                            try (c) {
                                ByteBuffer buf = ByteBuffer.allocate(16);
                                while (c.read(buf.clear()) > 0) {
                                    // idle connections send nothing; echo nothing
                                }
                            }
                            open[0]--;
                        }, conn);
                    }
                    for (NtyServerSocket l : listeners) {
                        l.close(); // wakes the other acceptors with FdClosedException (§4.3)
                    }
                }, null);
            }
            scheduler.create(x -> {
                while (accepted[0] < connections) {
                    Coroutines.sleep(100);
                }
                System.gc();
                Runtime rt = Runtime.getRuntime();
                long heap = rt.totalMemory() - rt.freeMemory();
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Coroutines.sleep(1_000);
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long wall = System.nanoTime() - t0;
                System.out.printf("OPEN %d connections, heap in use %.1f MiB, scheduler thread CPU"
                        + " %.2f ms over %.0f ms idle%n", open[0], heap / 1048576.0, cpu / 1e6, wall / 1e6);
                System.out.flush();
            }, null);
            scheduler.run();
            System.out.println("DONE open " + open[0]);
        }
    }
}
