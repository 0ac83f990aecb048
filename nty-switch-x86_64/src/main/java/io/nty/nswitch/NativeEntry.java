package io.nty.nswitch;

import com.kenai.jffi.Library;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The entry function of a native coroutine: the address of a C function
 * {@code void func(void *arg)}, NtyCo's {@code proc_coroutine}.
 *
 * <p>Nothing checks that the address really is such a function: resuming a context whose entry
 * is anything else is undefined behaviour in the native code, as in C.
 *
 * @param address the function's address, not 0
 * @param name a name for diagnostics, e.g. the symbol
 */
public record NativeEntry(long address, String name) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if {@code address} is 0
     * @throws NullPointerException if {@code name} is null
     */
    public NativeEntry {
        if (address == 0) {
            throw new IllegalArgumentException("a native entry cannot be the null address");
        }
        Objects.requireNonNull(name, "name");
    }

    /**
     * Finds an entry function by symbol in a native library, loading the library if needed.
     *
     * <p>The nty switch library is loaded first, so a library linked against
     * {@code libntyswitch.so} (one that calls {@code nty_coroutine_yield} and friends) binds to
     * the copy this JVM uses instead of loading a second one.
     *
     * @param library the shared library, by path
     * @param symbol the function's symbol
     * @return the entry
     * @throws IllegalArgumentException if the library cannot be loaded or has no such symbol
     * @throws io.nty.api.ContextSwitchUnavailableException if the switch library is unavailable
     */
    public static NativeEntry lookup(Path library, String symbol) {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(symbol, "symbol");
        NtySwitch.loaded();
        String path = library.toAbsolutePath().toString();
        Library handle = Library.getCachedInstance(path, Library.LAZY | Library.LOCAL);
        if (handle == null) {
            throw new IllegalArgumentException("cannot load native library " + path + ": "
                    + Library.getLastError());
        }
        long address = handle.getSymbolAddress(symbol);
        if (address == 0) {
            throw new IllegalArgumentException("native library " + path + " has no symbol '"
                    + symbol + "'");
        }
        return new NativeEntry(address, symbol);
    }

    /**
     * Finds an entry function exported by the switch library itself, such as
     * {@code nty_yield_loop} (see {@code nty_switch.h}).
     *
     * @param symbol the function's symbol
     * @return the entry
     * @throws IllegalArgumentException if the library has no such symbol
     * @throws io.nty.api.ContextSwitchUnavailableException if the switch library is unavailable
     */
    public static NativeEntry inSwitchLibrary(String symbol) {
        return new NativeEntry(NtySwitch.symbolAddress(symbol), symbol);
    }

    /**
     * {@return an entry named after its address}
     *
     * @param address the function's address
     */
    public static NativeEntry ofAddress(long address) {
        return new NativeEntry(address, "0x" + Long.toHexString(address));
    }
}
