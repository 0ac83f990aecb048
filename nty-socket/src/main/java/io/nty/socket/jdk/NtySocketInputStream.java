package io.nty.socket.jdk;

import java.io.IOException;
import java.io.InputStream;

/**
 * The input stream of an {@link NtySocketImpl}: reads suspend the calling coroutine, or block
 * the thread outside one, until data, end of stream or {@code SO_TIMEOUT}
 * ({@link java.net.SocketTimeoutException}; the socket stays usable). The JDK wraps it in its own
 * stream, whose {@code close} closes the socket.
 */
final class NtySocketInputStream extends InputStream {

    private final NtySocketImpl impl;

    NtySocketInputStream(NtySocketImpl impl) {
        this.impl = impl;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = impl.read(one, 0, 1);
        return n > 0 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return impl.read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        return impl.available();
    }

    @Override
    public void close() throws IOException {
        impl.close();
    }
}
