package io.nty.examples;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import picocli.CommandLine;

/** Address helpers for the commands: parsing {@code --host} and printing {@code HOST:PORT}. */
final class Addresses {

    private Addresses() {
    }

    /**
     * @return {@code host:port} resolved, for bind or connect
     * @throws CommandLine.ParameterException naming the option if the host does not resolve or the port is out of range
     */
    static InetSocketAddress resolve(CommandLine cmd, String host, int port) {
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(cmd, "--port must be 0..65535: " + port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(cmd, "--host does not resolve: " + host);
        }
    }

    /** @return {@code HOST:PORT} with a numeric host, as servers print it once they listen */
    static String format(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
