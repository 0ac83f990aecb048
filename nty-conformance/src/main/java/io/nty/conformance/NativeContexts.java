package io.nty.conformance;

/**
 * An implementation's native x86_64 coroutine contexts as the suite checks them for §2.4: it
 * runs each {@link NativeProbe} on real native contexts of its own and reports what it observed.
 * The runner then has {@link Capability#NATIVE_CONTEXTS}.
 *
 * <p>Contract: {@link #probe} creates, switches and frees its own contexts (it must not crash the
 * process: a stack overflow is checked by the guard page's presence and protection, not by
 * overflowing), may be called from any thread but not concurrently, and reports findings
 * honestly: {@code ok} only for a property it observed to hold.
 */
public interface NativeContexts {

    /**
     * {@return the probe's result line, {@link NativeProbe#expected()} if every property holds; otherwise
     * the same keys with what was observed in place of {@code ok}}
     *
     * @param probe the probe to run
     */
    String probe(NativeProbe probe);
}
