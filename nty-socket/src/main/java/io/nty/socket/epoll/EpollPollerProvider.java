package io.nty.socket.epoll;

import io.nty.api.spi.Poller;
import io.nty.api.spi.PollerProvider;
import io.nty.socket.internal.NativeLibC;

/**
 * Makes {@link EpollPoller}s; registered in {@code META-INF/services} so a scheduler finds it
 * whenever nty-socket is on the class path. Available on Linux (x86_64, aarch64) only.
 */
public final class EpollPollerProvider implements PollerProvider {

    /** The priority: above any portable, fd-less poller a scheduler ships with. */
    public static final int PRIORITY = 100;

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public EpollPollerProvider() {
    }

    @Override
    public String name() {
        return "epoll";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return NativeLibC.isAvailable();
    }

    @Override
    public String unavailableReason() {
        return NativeLibC.isAvailable() ? "" : NativeLibC.unavailableReason();
    }

    @Override
    public Poller open() {
        return new EpollPoller();
    }
}
