package io.nty.api.spi;

/**
 * Makes pollers; found with {@link java.util.ServiceLoader} so that putting a module such as
 * {@code nty-socket} on the class path gives schedulers an IO poller without configuration.
 *
 * <p>A scheduler that is not given a poller explicitly asks every available provider and uses
 * the one with the highest {@link #priority()}.
 */
public interface PollerProvider {

    /** {@return a short name, e.g. {@code "epoll"}} */
    String name();

    /** {@return the preference among available providers; higher wins} */
    int priority();

    /** {@return whether this provider works on this platform (e.g. Linux only for epoll)} */
    boolean isAvailable();

    /**
     * {@return why {@link #isAvailable()} is false, for the error a scheduler gives when a
     * coroutine waits on an fd and no poller can; empty when it is available}
     */
    default String unavailableReason() {
        return isAvailable() ? "" : "not available on this platform";
    }

    /**
     * {@return a new poller owned by the caller}
     * @throws io.nty.api.NtyException if the poller cannot be opened, naming why
     */
    Poller open();
}
