package io.nty.nswitch;

import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.types.size_t;

/**
 * The jnr-ffi mapping of {@code libntyswitch.so} (see {@code nty_switch.h}). Pointers are
 * passed as {@code long}: this library exists for x86_64 only, where they are 64-bit integers.
 */
interface LibNtySwitch {

    /** {@code nty_coroutine_create}; 0 with errno set on failure. */
    long nty_coroutine_create(long func, long arg, @size_t long stackSize);

    @IgnoreError
    int nty_coroutine_resume(long co);

    @IgnoreError
    void nty_coroutine_complete_wait(long co, int result);

    @IgnoreError
    int nty_coroutine_free(long co);

    @IgnoreError
    long nty_layout(int field);
}
