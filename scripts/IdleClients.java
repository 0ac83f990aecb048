import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens idle TCP connections to a loopback server and holds them: the client half of
 * scripts/idle-connections.sh. Run with the source launcher (JDK 21+):
 *   java scripts/IdleClients.java PORT CONNECTIONS HOLD_SECONDS [PER_SOURCE]
 * Connections bind 127.0.0.1, .2, ... (PER_SOURCE each, default 1000) so that ephemeral ports
 * never run out. Prints "connected N" once all are open (or "stopped at N: reason" if one
 * fails), holds them HOLD_SECONDS, closes them and exits; nothing is sent on them.
 */
public final class IdleClients {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java IdleClients.java PORT CONNECTIONS HOLD_SECONDS [PER_SOURCE]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        long holdSeconds = Long.parseLong(args[2]);
        int perSource = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        List<SocketChannel> open = new ArrayList<>(connections);
        int connected = 0;
        long start = System.nanoTime();
        try {
            for (int i = 0; i < connections; i++) {
                SocketChannel c = SocketChannel.open();
                open.add(c);
                c.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (1 + i / perSource % 254)}), 0));
                c.connect(target);
                connected++;
            }
            System.out.printf("connected %d in %.1f s%n", connected, (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            System.out.printf("stopped at %d: %s%n", connected, e);
        }
        System.out.flush();
        Thread.sleep(holdSeconds * 1000);
        for (SocketChannel c : open) {
            c.close();
        }
    }
}
