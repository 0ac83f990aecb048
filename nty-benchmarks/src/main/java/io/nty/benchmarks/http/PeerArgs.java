package io.nty.benchmarks.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The command line of the peer servers: {@code [--host H] [--port P]}, defaults 127.0.0.1 and
 * the given port. Unknown arguments are an error that prints the usage.
 */
final class PeerArgs {

    private PeerArgs() {
    }

    /**
     * @param program the program name for the usage message
     * @param defaultPort the port without {@code --port}
     * @return the address to listen on
     * @throws IllegalArgumentException with the usage, for an unknown or malformed argument
     */
    static InetSocketAddress parse(String program, int defaultPort, String[] args) {
        String host = "127.0.0.1";
        int port = defaultPort;
        String usage = "usage: " + program + " [--host HOST] [--port PORT]  (default 127.0.0.1:" + defaultPort + ")";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--host" -> host = require(value, usage);
                case "--port" -> port = parsePort(require(value, usage), usage);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + usage);
            }
            i++;
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host does not resolve: " + host + "; " + usage, e);
        }
    }

    /** @return {@code HOST:PORT} with a numeric host */
    static String format(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static String require(String value, String usage) {
        if (value == null) {
            throw new IllegalArgumentException("missing value; " + usage);
        }
        return value;
    }

    private static int parsePort(String value, String usage) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be 0..65535: " + value + "; " + usage);
    }
}
