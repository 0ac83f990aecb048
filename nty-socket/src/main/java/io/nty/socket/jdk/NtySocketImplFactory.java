package io.nty.socket.jdk;

import java.net.SocketImpl;
import java.net.SocketImplFactory;

/**
 * Makes {@link NtySocketImpl}s: one instance for {@code Socket.setSocketImplFactory} (client
 * sockets, and the sockets a {@code ServerSocket} accepts into), one for
 * {@code ServerSocket.setSocketFactory} (listeners).
 */
final class NtySocketImplFactory implements SocketImplFactory {

    private final boolean server;

    NtySocketImplFactory(boolean server) {
        this.server = server;
    }

    @Override
    public SocketImpl createSocketImpl() {
        return new NtySocketImpl(server);
    }

    @Override
    public String toString() {
        return "nty " + (server ? "ServerSocket" : "Socket") + " implementation factory";
    }
}
