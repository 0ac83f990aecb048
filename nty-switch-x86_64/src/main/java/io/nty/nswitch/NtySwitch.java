package io.nty.nswitch;

import com.kenai.jffi.Library;
import io.nty.api.ContextSwitchUnavailableException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * The native switch library of this JVM: whether it is available, where it was loaded from,
 * and its symbols.
 *
 * <p>The library is loaded once, on first use: the class path resource
 * {@code io/nty/nswitch/native/<platform>/libntyswitch.so} is copied to a temporary file and
 * loaded by absolute path (globally, so that native libraries linked against
 * {@code libntyswitch.so} bind to this copy). On any platform but {@code linux-x86_64}, or when
 * loading fails, {@link #isAvailable()} is {@code false} and {@link #unavailableReason()} says
 * why; every operation that needs the library then throws
 * {@link ContextSwitchUnavailableException} with that reason.
 */
public final class NtySwitch {

    private NtySwitch() {
    }

    /** {@return whether the native switch can be used in this JVM} */
    public static boolean isAvailable() {
        return Holder.LOADED.library != null;
    }

    /** {@return why the native switch cannot be used, or empty if it can} */
    public static Optional<String> unavailableReason() {
        return Optional.ofNullable(Holder.LOADED.failure);
    }

    /**
     * {@return the class path URL the library was copied from ({@code jar:file:...!/...} when
     *         it came from a jar)}
     * @throws ContextSwitchUnavailableException if the library is not available
     */
    public static URL librarySource() {
        return loaded().source;
    }

    /**
     * {@return the absolute path of the extracted copy that was loaded}
     * @throws ContextSwitchUnavailableException if the library is not available
     */
    public static Path libraryPath() {
        return loaded().path;
    }

    /**
     * Looks a symbol up in the loaded library's dynamic symbol table ({@code dlsym}).
     *
     * @param name the symbol, e.g. {@code "nty_exec"}
     * @return its address
     * @throws IllegalArgumentException if the library has no such symbol
     * @throws ContextSwitchUnavailableException if the library is not available
     */
    public static long symbolAddress(String name) {
        Objects.requireNonNull(name, "name");
        long address = loaded().handle.getSymbolAddress(name);
        if (address == 0) {
            throw new IllegalArgumentException("libntyswitch.so has no symbol '" + name + "': "
                    + Library.getLastError());
        }
        return address;
    }

    /** {@return the loaded library, or a {@link ContextSwitchUnavailableException} naming why not} */
    static Loaded loaded() {
        Loaded l = Holder.LOADED;
        if (l.library == null) {
            throw new ContextSwitchUnavailableException("the nty native switch is unavailable: "
                    + l.failure);
        }
        return l;
    }

    /** Loads on first access to {@link #LOADED} (lazy, thread-safe class initialisation). */
    private static final class Holder {
        static final Loaded LOADED = Loaded.load();
    }

    /** The outcome of loading: either the library and what belongs to it, or the failure. */
    static final class Loaded {
        final LibNtySwitch library;
        final Runtime runtime;
        final ContextLayout layout;
        final Library handle;
        final URL source;
        final Path path;
        final String failure;

        private Loaded(LibNtySwitch library, Library handle, URL source, Path path, String failure) {
            this.library = library;
            this.runtime = library == null ? null : Runtime.getRuntime(library);
            this.layout = library == null ? null : ContextLayout.of(library);
            this.handle = handle;
            this.source = source;
            this.path = path;
            this.failure = failure;
        }

        static Loaded load() {
            String platform = NativePlatform.current();
            if (!NativePlatform.SUPPORTED.equals(platform)) {
                return failed("the assembly switch exists for " + NativePlatform.SUPPORTED
                        + " only; this JVM runs on " + platform);
            }
            String resource = NativePlatform.libraryResource(platform);
            URL source = NtySwitch.class.getClassLoader().getResource(resource);
            if (source == null) {
                return failed("the class path has no " + resource
                        + " (the jar was built without the native profile)");
            }
            try {
                Path path = LibraryExtractor.extract(source);
                // Open it globally first: libraries linked against libntyswitch.so (native
                // coroutines, the test helpers) then bind to this copy by its soname.
                Library handle = Library.getCachedInstance(path.toString(), Library.LAZY | Library.GLOBAL);
                if (handle == null) {
                    return failed("dlopen(" + path + ") failed: " + Library.getLastError());
                }
                LibNtySwitch lib = LibraryLoader.create(LibNtySwitch.class)
                        .failImmediately()
                        .load(path.toString());
                return new Loaded(lib, handle, source, path, null);
            } catch (Exception | LinkageError e) {
                return failed("loading " + source + " failed: " + e);
            }
        }

        private static Loaded failed(String reason) {
            return new Loaded(null, null, null, null, reason);
        }
    }
}
