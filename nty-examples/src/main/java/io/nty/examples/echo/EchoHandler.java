package io.nty.examples.echo;

import io.nty.examples.server.ConnectionHandler;
import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import java.nio.ByteBuffer;

/**
 * NtyCo's {@code server_reader}: sends back whatever arrives, until the peer closes. One
 * off-heap buffer per connection bounds its memory; a connection idle for
 * {@code idleTimeoutMillis} is closed.
 */
public final class EchoHandler implements ConnectionHandler {

    private final int bufferBytes;
    private final long idleTimeoutMillis;

    /**
     * @param bufferBytes the receive buffer per connection, {@code > 0}
     * @param idleTimeoutMillis how long a connection may stay silent, {@code > 0}
     */
    public EchoHandler(int bufferBytes, long idleTimeoutMillis) {
        if (bufferBytes <= 0 || idleTimeoutMillis <= 0) {
            throw new IllegalArgumentException("bufferBytes and idleTimeoutMillis must be > 0: "
                    + bufferBytes + ", " + idleTimeoutMillis);
        }
        this.bufferBytes = bufferBytes;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    @Override
    public void serve(int fd) throws ErrnoException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bufferBytes);
        while (NtySockets.recv(fd, buffer, idleTimeoutMillis) > 0) {
            buffer.flip();
            NtySockets.send(fd, buffer, idleTimeoutMillis);
            buffer.clear();
        }
    }
}
