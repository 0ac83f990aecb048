package io.nty.socket.jdk;

import io.nty.scheduler.NtyScheduler;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@code main} that knows nothing of the hook, for {@link NtyAgentTest}: started with
 * {@code -javaagent}, it prints whether the hook is installed and runs a socket round trip in
 * coroutines on one thread, with a sentinel that must tick while the read waits, and resolves
 * {@code localhost} in a coroutine (on the resolver offload when the agent was given one).
 */
public final class AgentProbeMain {

    private AgentProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("hooked=" + JdkSocketHook.isInstalled());
        System.out.println("resolver=" + JdkSocketHook.resolverOffload());
        AtomicInteger ticks = new AtomicInteger();
        AtomicInteger ticksDuringRead = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                NtyScheduler scheduler = NtyScheduler.create()) {
            int[] echoed = new int[1];
            scheduler.create(unused -> {
                try (Socket peer = server.accept()) {
                    int before = ticks.get();
                    echoed[0] = peer.getInputStream().read(); // suspends while the sentinel ticks
                    ticksDuringRead.set(ticks.get() - before);
                }
            }, null);
            scheduler.create(unused -> {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                    while (ticks.get() < 5) {
                        scheduler.sleep(1);
                    }
                    client.getOutputStream().write(42);
                }
            }, null);
            scheduler.create(unused -> {
                while (echoed[0] == 0) {
                    ticks.incrementAndGet();
                    scheduler.sleep(1);
                }
            }, null);
            String[] resolved = new String[1];
            scheduler.create(unused -> {
                resolved[0] = String.valueOf(InetAddress.getByName("localhost").isLoopbackAddress());
            }, null);
            scheduler.run();
            System.out.println("localhostIsLoopback=" + resolved[0]);
            System.out.println("read=" + echoed[0] + " ticksDuringRead=" + ticksDuringRead.get());
        }
    }
}
