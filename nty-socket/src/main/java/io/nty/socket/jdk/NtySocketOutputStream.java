package io.nty.socket.jdk;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The output stream of an {@link NtySocketImpl}: a write returns when every byte is in the
 * kernel's send buffer, suspending the calling coroutine (or blocking the thread outside one)
 * while the buffer is full. Writes have no time limit, as with the JDK's own sockets.
 */
final class NtySocketOutputStream extends OutputStream {

    private final NtySocketImpl impl;

    NtySocketOutputStream(NtySocketImpl impl) {
        this.impl = impl;
    }

    @Override
    public void write(int b) throws IOException {
        impl.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        impl.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        impl.close();
    }
}
