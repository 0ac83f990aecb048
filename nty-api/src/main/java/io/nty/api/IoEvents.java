package io.nty.api;

/**
 * Readiness event bits used by {@link Scheduler#await} and the poller SPI.
 *
 * <p>The values equal Linux's {@code EPOLLIN}, {@code EPOLLOUT}, {@code EPOLLERR} and
 * {@code EPOLLHUP} so an epoll poller passes them through unchanged; other pollers translate.
 */
public final class IoEvents {

    /** Readable, or a connection to accept, or end of stream ({@code EPOLLIN}). */
    public static final int READ = 0x001;
    /** Writable, or a connect finished ({@code EPOLLOUT}). */
    public static final int WRITE = 0x004;
    /** An error is pending on the fd ({@code EPOLLERR}); reported, never requested. */
    public static final int ERROR = 0x008;
    /** The peer hung up ({@code EPOLLHUP}); reported, never requested. */
    public static final int HANGUP = 0x010;

    /** The bits a caller may ask for. */
    public static final int INTEREST_MASK = READ | WRITE;

    private IoEvents() {
    }

    /**
     * {@return a readable form such as {@code READ|WRITE}}
     *
     * @param events an event mask
     */
    public static String toString(int events) {
        StringBuilder sb = new StringBuilder();
        append(sb, events, READ, "READ");
        append(sb, events, WRITE, "WRITE");
        append(sb, events, ERROR, "ERROR");
        append(sb, events, HANGUP, "HANGUP");
        int unknown = events & ~(READ | WRITE | ERROR | HANGUP);
        if (unknown != 0) {
            append(sb, unknown, unknown, "0x" + Integer.toHexString(unknown));
        }
        return sb.isEmpty() ? "NONE" : sb.toString();
    }

    private static void append(StringBuilder sb, int events, int bit, String name) {
        if ((events & bit) != 0) {
            sb.append(sb.isEmpty() ? "" : "|").append(name);
        }
    }
}
