package io.nty.socket.jdk;

import java.net.SocketException;
import java.net.SocketOption;
import java.net.SocketOptions;
import java.net.StandardSocketOptions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The socket options {@link NtySocketImpl} supports, the closed set behind both of the JDK's
 * option APIs: the old integer ids of {@link SocketOptions} (what {@code Socket.setTcpNoDelay}
 * and friends call) and the {@link StandardSocketOptions} of {@code Socket.setOption}.
 *
 * <p>Values are kept in the Java form of the old API: {@link Boolean} for flags, {@link Integer}
 * for sizes and times, and for {@code SO_LINGER} an {@link Integer} (seconds) or
 * {@link Boolean#FALSE} (off).
 */
enum JdkOption {
    /** Read timeout in milliseconds, 0 = none; nty's own, the kernel never sees it. */
    SO_TIMEOUT(SocketOptions.SO_TIMEOUT, null, Kind.INT),
    TCP_NODELAY(SocketOptions.TCP_NODELAY, StandardSocketOptions.TCP_NODELAY, Kind.FLAG),
    SO_KEEPALIVE(SocketOptions.SO_KEEPALIVE, StandardSocketOptions.SO_KEEPALIVE, Kind.FLAG),
    SO_REUSEADDR(SocketOptions.SO_REUSEADDR, StandardSocketOptions.SO_REUSEADDR, Kind.FLAG),
    /** No integer id in {@link SocketOptions}: reachable through {@code setOption} only. */
    SO_REUSEPORT(-1, StandardSocketOptions.SO_REUSEPORT, Kind.FLAG),
    SO_OOBINLINE(SocketOptions.SO_OOBINLINE, null, Kind.FLAG),
    SO_SNDBUF(SocketOptions.SO_SNDBUF, StandardSocketOptions.SO_SNDBUF, Kind.INT),
    SO_RCVBUF(SocketOptions.SO_RCVBUF, StandardSocketOptions.SO_RCVBUF, Kind.INT),
    SO_LINGER(SocketOptions.SO_LINGER, StandardSocketOptions.SO_LINGER, Kind.LINGER),
    IP_TOS(SocketOptions.IP_TOS, StandardSocketOptions.IP_TOS, Kind.INT),
    /** The local address; read only. */
    SO_BINDADDR(SocketOptions.SO_BINDADDR, null, Kind.ADDRESS);

    /** How a value looks in the old API. */
    enum Kind { FLAG, INT, LINGER, ADDRESS }

    private final int id;
    private final SocketOption<?> standard;
    private final Kind kind;

    JdkOption(int id, SocketOption<?> standard, Kind kind) {
        this.id = id;
        this.standard = standard;
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /**
     * {@return the option}
     *
     * @param id a {@link SocketOptions} id
     * @throws SocketException for an id nty does not support, naming it (the JDK's type)
     */
    static JdkOption ofId(int id) throws SocketException {
        for (JdkOption o : values()) {
            if (o.id == id && id != -1) {
                return o;
            }
        }
        throw new SocketException("socket option id 0x" + Integer.toHexString(id)
                + " is not supported by nty's socket implementation (supported: " + EnumSet.allOf(JdkOption.class) + ")");
    }

    /**
     * {@return the option}
     *
     * @param option a standard socket option
     * @throws UnsupportedOperationException for one nty does not support (what the JDK throws)
     */
    static JdkOption ofStandard(SocketOption<?> option) {
        for (JdkOption o : values()) {
            if (option.equals(o.standard)) {
                return o;
            }
        }
        throw new UnsupportedOperationException("'" + option + "' is not supported by nty's socket"
                + " implementation (supported: " + standardOptions() + ")");
    }

    /** {@return the standard options {@code Socket.supportedOptions()} reports} */
    static Set<SocketOption<?>> standardOptions() {
        Set<SocketOption<?>> set = new HashSet<>();
        for (JdkOption o : values()) {
            if (o.standard != null) {
                set.add(o.standard);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    /**
     * Converts a value of the new API ({@code setOption(SocketOption, T)}) to the old form.
     *
     * @throws IllegalArgumentException for a value the JDK would refuse too
     */
    Object fromStandard(Object value) {
        if (value == null) {
            throw new IllegalArgumentException(this + ": value must not be null");
        }
        return switch (kind) {
            case FLAG -> (Boolean) value;
            case INT -> (Integer) value;
            case LINGER -> ((Integer) value) < 0 ? Boolean.FALSE : value;
            case ADDRESS -> throw new IllegalArgumentException(this + " is read only");
        };
    }

    /** Converts a value of the old form to what {@code getOption(SocketOption)} returns. */
    Object toStandard(Object value) {
        return switch (kind) {
            case FLAG, INT, ADDRESS -> value;
            case LINGER -> value instanceof Integer ? value : Integer.valueOf(-1);
        };
    }
}
