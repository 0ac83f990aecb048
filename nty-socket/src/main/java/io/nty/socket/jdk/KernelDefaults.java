package io.nty.socket.jdk;

import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import io.nty.socket.SockOpt;

/**
 * What {@code getOption} reports for a socket whose fd does not exist yet (see
 * {@link NtySocketImpl}: fds are made at the first bind or connect): the values a fresh kernel
 * socket would have. The buffer sizes are read once from a probe socket, because they depend on
 * the system's {@code net.core} and {@code net.ipv4.tcp_*mem} settings.
 */
final class KernelDefaults {

    private KernelDefaults() {
    }

    /** Read from a probe on first use (holder idiom: no locking, no state before then). */
    private static final class Buffers {
        static final int SNDBUF;
        static final int RCVBUF;

        static {
            int snd = 0;
            int rcv = 0;
            try {
                int probe = NtySockets.socket(NtySockets.AF_INET, NtySockets.SOCK_STREAM, 0);
                try {
                    snd = NtySockets.getOption(probe, SockOpt.SO_SNDBUF);
                    rcv = NtySockets.getOption(probe, SockOpt.SO_RCVBUF);
                } finally {
                    NtySockets.close(probe);
                }
            } catch (ErrnoException e) {
                // No socket could be made (EMFILE): 0 says "unknown"; the real fd will tell later.
            }
            SNDBUF = snd;
            RCVBUF = rcv;
        }
    }

    /**
     * {@return the default value in the old-API form ({@link JdkOption})}
     *
     * @param option any option but {@code SO_TIMEOUT} and {@code SO_BINDADDR}
     * @param server whether the socket will listen (the JDK sets {@code SO_REUSEADDR} on those)
     */
    static Object get(JdkOption option, boolean server) {
        return switch (option) {
            case TCP_NODELAY, SO_KEEPALIVE, SO_REUSEPORT, SO_OOBINLINE -> Boolean.FALSE;
            case SO_REUSEADDR -> server;
            case SO_SNDBUF -> Buffers.SNDBUF;
            case SO_RCVBUF -> Buffers.RCVBUF;
            case SO_LINGER -> Boolean.FALSE;
            case IP_TOS -> 0;
            case SO_TIMEOUT, SO_BINDADDR -> throw new IllegalArgumentException(option + " has no kernel default");
        };
    }
}
