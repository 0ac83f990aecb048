package io.nty.nswitch;

/**
 * Byte offsets of the fields of the native {@code struct nty_coroutine} that Java reads
 * directly, as reported by the library itself ({@code nty_layout}) rather than hard-coded, so
 * the binding cannot drift from the C structure.
 */
record ContextLayout(
        long rsp, long rbp, long rip, long rdi, long mxcsr, long fpucw,
        long state,
        long requestKind, long requestFd, long requestEvents, long requestResult, long requestMillis,
        long mapBase, long mapSize, long guardSize) {

    /** {@return the layout the loaded library reports} */
    static ContextLayout of(LibNtySwitch lib) {
        return new ContextLayout(
                offset(lib, 0), offset(lib, 1), offset(lib, 2), offset(lib, 3), offset(lib, 4),
                offset(lib, 5), offset(lib, 6), offset(lib, 7), offset(lib, 8), offset(lib, 9),
                offset(lib, 10), offset(lib, 11), offset(lib, 12), offset(lib, 13), offset(lib, 14));
    }

    private static long offset(LibNtySwitch lib, int field) {
        long offset = lib.nty_layout(field);
        if (offset < 0) {
            throw new IllegalStateException("libntyswitch.so does not know layout field " + field
                    + ": the library and the Java binding come from different builds");
        }
        return offset;
    }
}
