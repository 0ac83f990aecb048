package io.nty.examples.echo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Chooses the local address each load connection binds before it connects. One source address
 * has about 28,000 ephemeral ports ({@code net.ipv4.ip_local_port_range}), fewer when earlier
 * runs left connections in TIME_WAIT; towards a loopback target, spreading connections over
 * 127.0.0.1, 127.0.0.2, … (all of 127.0.0.0/8 is loopback on Linux) lifts that limit.
 */
final class SourceAddresses {

    private static final int LOOPBACK_HOSTS = 254;

    private final int perAddress;
    private final boolean spread;

    /**
     * @param target where the connections go
     * @param connections how many there will be
     * @param perAddress the most connections per source address before spreading, {@code > 0}
     */
    SourceAddresses(InetSocketAddress target, int connections, int perAddress) {
        if (perAddress <= 0) {
            throw new IllegalArgumentException("connections per source address must be > 0: " + perAddress);
        }
        this.perAddress = perAddress;
        this.spread = connections > perAddress && target.getAddress() != null
                && target.getAddress().isLoopbackAddress() && target.getAddress().getAddress().length == 4;
    }

    /** @return whether connections are spread over several source addresses */
    boolean spreads() {
        return spread;
    }

    /**
     * @param connection the connection's number, from 0
     * @return the address to bind, port 0, or null to let the kernel choose
     */
    InetSocketAddress forConnection(int connection) {
        if (!spread) {
            return null;
        }
        int host = 1 + (connection / perAddress) % LOOPBACK_HOSTS;
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host}), 0);
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4-byte address is always valid", e);
        }
    }
}
