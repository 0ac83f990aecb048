package io.nty.conformance.reference;

import io.nty.api.FdBusyException;
import io.nty.api.FdClosedException;
import io.nty.api.WaitTimeoutException;
import io.nty.conformance.SocketHooks;
import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import java.nio.ByteBuffer;

/**
 * nty-socket's hooks ({@link NtySockets#recv}, {@link NtySockets#send}) as {@link SocketHooks}.
 *
 * <p>nty-socket is an optional dependency: this class is loaded only after
 * {@link NtyReferenceProvider} found nty-socket on the class path, so the suite runs (with §4.4,
 * §4.5 not verified) without it.
 */
final class NtySocketHooks implements SocketHooks {

    /**
     * Call only when nty-socket is on the class path ({@link NtyReferenceProvider} checks).
     *
     * @return whether nty-socket's libc binding works here
     */
    static boolean isAvailable() {
        return NtySockets.isAvailable();
    }

    @Override
    public String recv(int fd, int max, long timeoutMillis) {
        try {
            return Integer.toString(NtySockets.recv(fd, ByteBuffer.allocate(max), timeoutMillis));
        } catch (ErrnoException e) {
            return e.errnoName();
        } catch (WaitTimeoutException e) {
            return "timeout";
        } catch (FdBusyException e) {
            return "busy";
        } catch (FdClosedException e) {
            return "closed";
        }
    }

    @Override
    public String send(int fd, int bytes) {
        try {
            return Integer.toString(NtySockets.send(fd, ByteBuffer.allocate(bytes)));
        } catch (ErrnoException e) {
            return e.errnoName();
        }
    }
}
