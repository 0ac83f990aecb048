package io.nty.examples.clients;

/** Where a {@link ClientLoad} runs its sessions: the same client code on either. */
public enum ClientRuntime {
    /**
     * nty coroutines, all on one scheduler thread (the caller's), with the JDK's sockets hooked
     * ({@link io.nty.socket.jdk.JdkSocketHook#install()}).
     */
    NTY,
    /**
     * One virtual thread per session on the JDK's own sockets; for one carrier start the JVM with
     * {@code -Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1}.
     * Needs a JVM in which the nty hook is not installed.
     */
    VIRTUAL
}
