package io.nty.conformance.jvm;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Moves a kernel fd to a higher number ({@code fcntl(F_DUPFD)} / {@code dup2}), so that the fd
 * rules run on real socket pairs whose numbers cross 64 and 1024, where fd-indexed tables of a
 * fixed size break. The TCK cannot make system calls itself (it depends on nothing native);
 * {@link UnixSocketPairs} uses the first placement found through {@link ServiceLoader}, e.g. the
 * one {@code nty-conformance-reference} registers, and keeps the JDK's low numbers without one.
 */
public interface FdPlacement {

    /**
     * {@return a new fd, {@code >= atLeast}, for the same open socket (close-on-exec; {@code fd}
     * stays open), or -1 if the process cannot have an fd that high (its {@code RLIMIT_NOFILE})}
     *
     * @param fd an open fd
     * @param atLeast the lowest number the duplicate may have
     */
    int duplicateAtOrAbove(int fd, int atLeast);

    /**
     * Closes a duplicate that {@link #duplicateAtOrAbove} returned; the original fd is not touched.
     *
     * @param fd a duplicate this placement made, to close
     */
    void close(int fd);

    /** {@return the first placement on the class path, if any} */
    static Optional<FdPlacement> find() {
        return ServiceLoader.load(FdPlacement.class, FdPlacement.class.getClassLoader()).findFirst();
    }
}
