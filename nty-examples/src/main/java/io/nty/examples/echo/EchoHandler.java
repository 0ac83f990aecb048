package io.nty.examples.echo;

import io.nty.examples.server.Connection;
import io.nty.examples.server.ConnectionHandler;
import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import java.nio.ByteBuffer;

/**
 * NtyCo's {@code server_reader}: sends back whatever arrives, until the peer closes. One
 * off-heap buffer per connection bounds its memory.
 */
public final class EchoHandler implements ConnectionHandler {

    private final int bufferBytes;

    /**
     * @param bufferBytes the receive buffer per connection, {@code > 0}
     */
    public EchoHandler(int bufferBytes) {
        if (bufferBytes <= 0) {
            throw new IllegalArgumentException("bufferBytes must be > 0: " + bufferBytes);
        }
        this.bufferBytes = bufferBytes;
    }

    @Override
    public void serve(Connection connection) throws ErrnoException {
        int fd = connection.fd();
        ByteBuffer buffer = ByteBuffer.allocateDirect(bufferBytes);
        while (NtySockets.recv(fd, buffer) > 0) {
            connection.markActive();
            buffer.flip();
            NtySockets.send(fd, buffer);
            buffer.clear();
        }
    }
}
