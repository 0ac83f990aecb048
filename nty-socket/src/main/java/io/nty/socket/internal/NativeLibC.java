package io.nty.socket.internal;

import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Platform;
import jnr.ffi.Runtime;

/**
 * Loads {@link LibC} once and reads the {@code errno} jnr-ffi saved for the calling thread.
 *
 * <p>Not API. Loading happens on first use; on a platform other than Linux, or if libc cannot be
 * bound, {@link #libc()} throws {@link UnsupportedOperationException} naming why, and
 * {@link #isAvailable()} says so without throwing.
 */
public final class NativeLibC {

    private NativeLibC() {
    }

    /** {@return whether this is Linux on x86_64 or aarch64 and libc could be bound} */
    public static boolean isAvailable() {
        return Holder.FAILURE == null;
    }

    /** {@return why libc is not available, or {@code null} if it is} */
    public static String unavailableReason() {
        return Holder.FAILURE;
    }

    /**
     * {@return the bound libc}
     * @throws UnsupportedOperationException if it is not available, naming why
     */
    public static LibC libc() {
        LibC lib = Holder.LIBC;
        if (lib == null) {
            throw new UnsupportedOperationException("nty-socket needs Linux libc: " + Holder.FAILURE);
        }
        return lib;
    }

    /** {@return the errno of the calling thread's last {@link LibC} call} */
    public static int errno() {
        return Holder.RUNTIME.getLastError();
    }

    /** {@return whether {@code struct epoll_event} is packed (12 bytes) on this CPU: x86_64 only} */
    public static boolean epollEventPacked() {
        return Platform.getNativePlatform().getCPU() == Platform.CPU.X86_64;
    }

    /** Lazy holder: binding happens once, on first use, and a failure is remembered. */
    private static final class Holder {
        static final LibC LIBC;
        static final Runtime RUNTIME;
        static final String FAILURE;

        static {
            LibC lib = null;
            Runtime runtime = null;
            String failure = null;
            Platform platform = Platform.getNativePlatform();
            if (platform.getOS() != Platform.OS.LINUX) {
                failure = "epoll and these hooks are Linux-only; this is " + platform.getOS();
            } else if (platform.getCPU() != Platform.CPU.X86_64
                    && platform.getCPU() != Platform.CPU.AARCH64) {
                failure = "struct layouts are checked on x86_64 and aarch64 only; this is "
                        + platform.getCPU();
            } else {
                try {
                    lib = LibraryLoader.create(LibC.class)
                            .option(LibraryOption.SaveError, Boolean.TRUE)
                            .load("c");
                    runtime = Runtime.getRuntime(lib);
                } catch (LinkageError | RuntimeException e) {
                    failure = "cannot bind libc through jnr-ffi: " + e;
                    lib = null;
                }
            }
            LIBC = lib;
            RUNTIME = runtime;
            FAILURE = failure;
        }
    }
}
