package io.nty.nswitch;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Access to the native test helpers built by the module's Makefile into {@code target/native}
 * ({@code src/test/native}): their entry functions, their plain C helpers, and native memory
 * for the records they fill in.
 */
public final class TestNatives {

    /** The plain C helpers of {@code libntyswitch_test.so}. */
    public interface Helpers {
        int nty_test_pipe(int[] fds);

        int nty_test_write_byte(int fd, int value);

        int nty_test_close(int fd);

        /** The public yield, resolved through the helpers' dependency on libntyswitch.so. */
        int nty_coroutine_yield();
    }

    private static Helpers helpers;

    private TestNatives() {
    }

    /**
     * Skips the calling test, naming why, where the native switch was not built (another
     * platform); fails it where the native build ran but the library does not work, because
     * skipping there would hide a broken binding.
     */
    static void assumeAvailable() {
        assumeTrue(Files.isRegularFile(testLibrary()), () -> "native switch not built for this "
                + "platform (" + NtySwitch.unavailableReason().orElse("no reason given")
                + "); " + testLibrary() + " is missing");
        assertTrue(NtySwitch.isAvailable(), () -> "the native build ran but the switch is unavailable: "
                + NtySwitch.unavailableReason().orElse("?"));
    }

    /** @return the directory the Makefile built the native programs into */
    static Path nativeDir() {
        return Path.of(System.getProperty("nty.native.dir", "target/native")).toAbsolutePath();
    }

    static Path testLibrary() {
        return nativeDir().resolve("libntyswitch_test.so");
    }

    /** @return the test entry function {@code symbol} */
    static NativeEntry entry(String symbol) {
        return NativeEntry.lookup(testLibrary(), symbol);
    }

    static synchronized Helpers helpers() {
        if (helpers == null) {
            NtySwitch.libraryPath(); // the switch library first, so the helpers bind to that copy
            helpers = LibraryLoader.create(Helpers.class).failImmediately().load(testLibrary().toString());
        }
        return helpers;
    }

    /** @return zeroed native memory of {@code words} 8-byte slots; keep it reachable while used */
    static Pointer words(int words) {
        return Memory.allocateDirect(Runtime.getSystemRuntime(), words * 8L, true);
    }
}
