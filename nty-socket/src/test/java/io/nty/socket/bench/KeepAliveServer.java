package io.nty.socket.bench;

import io.nty.scheduler.NtyScheduler;
import io.nty.socket.NtyServerSocket;
import io.nty.socket.NtySocket;
import io.nty.socket.epoll.EpollPoller;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A keep-alive "Hello, World!" responder for counting syscalls per request with strace (see
 * {@code src/test/syscalls/measure.sh}); not a test and not a benchmark of speed.
 *
 * <p>One scheduler on the main thread; one coroutine per connection reads a request (up to the
 * blank line) and writes a fixed response, until the client closes. Serves {@code connections}
 * connections, then exits. Prints its scheduler thread's TID so strace can attach to that thread
 * alone.
 *
 * <p>Usage: {@code KeepAliveServer <port> <connections> [LAZY_LEVEL|ONE_SHOT]}
 */
public final class KeepAliveServer {

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n"
            + "Content-Type: text/plain\r\n\r\nHello, World!").getBytes(StandardCharsets.US_ASCII);

    private KeepAliveServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        EpollPoller.Mode mode = args.length > 2 ? EpollPoller.Mode.valueOf(args[2]) : EpollPoller.Mode.LAZY_LEVEL;
        try (NtyScheduler scheduler = NtyScheduler.builder().poller(new EpollPoller(mode, 1024)).build();
                NtyServerSocket listener = NtyServerSocket.bind(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            System.out.println("TID " + Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName()
                    + " poller " + scheduler.pollerName());
            System.out.flush();
            scheduler.create(x -> {
                for (int i = 0; i < connections; i++) {
                    NtySocket conn = listener.accept();
                    scheduler.create(KeepAliveServer::serve, conn);
                }
            }, null);
            scheduler.run();
        }
    }

    private static void serve(NtySocket conn) throws Exception {
        ByteBuffer in = ByteBuffer.allocateDirect(4096);
        ByteBuffer out = ByteBuffer.allocateDirect(RESPONSE.length).put(RESPONSE);
        try (conn) {
            while (true) {
                in.clear();
                do {
                    if (conn.read(in) < 0) {
                        return;
                    }
                } while (!endsWithBlankLine(in));
                conn.write(out.flip());
                out.limit(out.capacity());
            }
        }
    }

    private static boolean endsWithBlankLine(ByteBuffer in) {
        int p = in.position();
        return p >= 4 && in.get(p - 4) == '\r' && in.get(p - 3) == '\n' && in.get(p - 2) == '\r'
                && in.get(p - 1) == '\n';
    }
}
