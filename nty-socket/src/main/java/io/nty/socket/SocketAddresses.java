package io.nty.socket;

import io.nty.socket.internal.LibC;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts between {@link InetSocketAddress} and the kernel's {@code struct sockaddr_in} /
 * {@code sockaddr_in6} bytes.
 *
 * <p>Layout (Linux): {@code sa_family} is a host-order 16-bit field, the port is big-endian, then
 * the IPv4 address (4 bytes, 8 bytes of zero padding) or, for IPv6, flow info, the 16-byte
 * address and the scope id (host order).
 */
final class SocketAddresses {

    /** Large enough for {@code sockaddr_in6}, the largest family these hooks speak. */
    static final int MAX_LENGTH = 28;
    private static final int IPV4_LENGTH = 16;

    private SocketAddresses() {
    }

    /**
     * {@return {@link LibC#AF_INET} or {@link LibC#AF_INET6}}
     *
     * @param address a resolved IPv4 or IPv6 socket address
     * @throws IllegalArgumentException if the address is unresolved
     */
    static int family(InetSocketAddress address) {
        return resolved(address) instanceof Inet6Address ? LibC.AF_INET6 : LibC.AF_INET;
    }

    /**
     * {@return its {@code sockaddr} bytes; the array length is the {@code addrlen} to pass}
     *
     * @param address a resolved socket address
     * @throws IllegalArgumentException if the address is unresolved
     */
    static byte[] encode(InetSocketAddress address) {
        InetAddress ip = resolved(address);
        boolean v6 = ip instanceof Inet6Address;
        ByteBuffer b = ByteBuffer.allocate(v6 ? MAX_LENGTH : IPV4_LENGTH);
        b.order(ByteOrder.nativeOrder()).putShort((short) (v6 ? LibC.AF_INET6 : LibC.AF_INET));
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) address.getPort());
        if (v6) {
            b.putInt(0); // flow info
            b.put(ip.getAddress());
            b.order(ByteOrder.nativeOrder()).putInt(((Inet6Address) ip).getScopeId());
        } else {
            b.put(ip.getAddress());
        }
        return b.array();
    }

    /**
     * {@return the address they hold}
     *
     * @param sockaddr bytes the kernel filled
     * @param length the length the kernel reported
     * @throws IllegalArgumentException if the family is neither IPv4 nor IPv6
     */
    static InetSocketAddress decode(byte[] sockaddr, int length) {
        ByteBuffer b = ByteBuffer.wrap(sockaddr, 0, Math.min(length, sockaddr.length));
        int family = b.order(ByteOrder.nativeOrder()).getShort() & 0xffff;
        int port = b.order(ByteOrder.BIG_ENDIAN).getShort() & 0xffff;
        try {
            if (family == LibC.AF_INET) {
                byte[] ip = new byte[4];
                b.get(ip);
                return new InetSocketAddress(InetAddress.getByAddress(ip), port);
            }
            if (family == LibC.AF_INET6) {
                b.getInt(); // flow info
                byte[] ip = new byte[16];
                b.get(ip);
                int scope = b.order(ByteOrder.nativeOrder()).getInt();
                // Scope 0 means "none": without this the address would print as ::1%0.
                InetAddress address = scope == 0 ? InetAddress.getByAddress(ip)
                        : Inet6Address.getByAddress(null, ip, scope);
                return new InetSocketAddress(address, port);
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("kernel returned a malformed address", e);
        }
        throw new IllegalArgumentException("unsupported address family " + family
                + " (nty-socket speaks AF_INET and AF_INET6)");
    }

    private static InetAddress resolved(InetSocketAddress address) {
        if (address == null) {
            throw new NullPointerException("address");
        }
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("address is unresolved: " + address
                    + " (resolve it first; the hooks do no name lookups)");
        }
        return address.getAddress();
    }
}
