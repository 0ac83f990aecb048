package io.nty.socket;

import io.nty.socket.internal.LibC;

/**
 * The integer socket options the hooks set and read with
 * {@link NtySockets#setOption(int, SockOpt, int)} and {@link NtySockets#getOption(int, SockOpt)}.
 * Boolean options take 0 or 1. {@code SO_LINGER} is a struct and has its own calls,
 * {@link NtySockets#setLinger} and {@link NtySockets#getLinger}.
 */
public enum SockOpt {
    /** Rebind a port in TIME_WAIT; servers set it before {@code bind}. */
    SO_REUSEADDR(LibC.SOL_SOCKET, LibC.SO_REUSEADDR),
    /** Let several sockets bind the same port; the kernel spreads connections over them. */
    SO_REUSEPORT(LibC.SOL_SOCKET, LibC.SO_REUSEPORT),
    /** Send TCP keep-alive probes on an idle connection. */
    SO_KEEPALIVE(LibC.SOL_SOCKET, LibC.SO_KEEPALIVE),
    /** Receive buffer size in bytes (the kernel doubles what it is given). */
    SO_RCVBUF(LibC.SOL_SOCKET, LibC.SO_RCVBUF),
    /** Send buffer size in bytes (the kernel doubles what it is given). */
    SO_SNDBUF(LibC.SOL_SOCKET, LibC.SO_SNDBUF),
    /** The pending error of the socket, cleared by reading it; read only. */
    SO_ERROR(LibC.SOL_SOCKET, LibC.SO_ERROR),
    /** Disable Nagle's algorithm: send small segments at once. */
    TCP_NODELAY(LibC.IPPROTO_TCP, LibC.TCP_NODELAY),
    /** An IPv6 socket accepts IPv6 only, not IPv4-mapped peers. */
    IPV6_V6ONLY(LibC.IPPROTO_IPV6, LibC.IPV6_V6ONLY),
    /** Urgent (out-of-band) TCP data is delivered in line with the normal stream. */
    SO_OOBINLINE(LibC.SOL_SOCKET, LibC.SO_OOBINLINE),
    /** The type-of-service byte of outgoing IPv4 packets. */
    IP_TOS(LibC.IPPROTO_IP, LibC.IP_TOS),
    /** The traffic class of outgoing IPv6 packets (IPv6's {@code IP_TOS}). */
    IPV6_TCLASS(LibC.IPPROTO_IPV6, LibC.IPV6_TCLASS);

    private final int level;
    private final int name;

    SockOpt(int level, int name) {
        this.level = level;
        this.name = name;
    }

    /** {@return the {@code level} argument of {@code setsockopt}} */
    public int level() {
        return level;
    }

    /** {@return the {@code optname} argument of {@code setsockopt}} */
    public int optionName() {
        return name;
    }
}
