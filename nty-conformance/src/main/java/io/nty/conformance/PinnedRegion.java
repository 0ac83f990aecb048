package io.nty.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;

/**
 * Runs code where a coroutine cannot be suspended, without any JDK-internal API: inside a class
 * initializer. HotSpot runs a static initializer below a native (VM) frame, so a
 * {@code jdk.internal.vm.Continuation} — and a virtual thread — is pinned there and cannot yield;
 * the misuse check of a yield while pinned (docs/spec.md, Misuse) uses it.
 *
 * <p>Each call defines a fresh hidden class from the bytes of {@link PinnedRegionInitializer} and
 * initializes it on the calling thread, so the initializer runs once per call.
 */
final class PinnedRegion {

    /** The action the next initializer runs: handed over per thread, read by {@link PinnedRegionInitializer}. */
    static final ThreadLocal<Runnable> ACTION = new ThreadLocal<>();

    private static final byte[] INITIALIZER = initializerBytes();

    private PinnedRegion() {
    }

    /**
     * Runs {@code action} inside a class initializer, on this thread.
     *
     * @param action what to run; what it throws reaches the caller wrapped in an
     *        {@link ExceptionInInitializerError}, so it should catch what it expects itself
     */
    static void run(Runnable action) {
        ACTION.set(action);
        try {
            MethodHandles.lookup().defineHiddenClass(INITIALIZER, true);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot define the pinned-region class", e);
        } finally {
            ACTION.remove();
        }
    }

    private static byte[] initializerBytes() {
        try (InputStream in = PinnedRegion.class.getResourceAsStream("PinnedRegionInitializer.class")) {
            if (in == null) {
                throw new IllegalStateException("PinnedRegionInitializer.class is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
