package io.nty.nswitch;

import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.types.size_t;

/**
 * Internal, not API: the jnr-ffi mapping of {@code libntyswitch.so} (see {@code nty_switch.h}).
 * It is public only because jnr-ffi implements it in a class loader of its own, which cannot
 * see package-private types; use {@link NativeContext} instead. Pointers are passed as
 * {@code long}: this library exists for x86_64 only, where they are 64-bit integers.
 */
public interface LibNtySwitch {

    /**
     * {@code nty_coroutine_create}: a NEW native coroutine on a fresh stack.
     *
     * @param func the address of {@code void func(void *arg)}
     * @param arg the argument passed to it
     * @param stackSize the stack size in bytes
     * @return the coroutine, or 0 with errno set
     */
    long nty_coroutine_create(long func, long arg, @size_t long stackSize);

    /**
     * {@code nty_coroutine_resume}: switches into the coroutine until it yields or exits.
     *
     * @param co the coroutine
     * @return the kind of request it left, or a negative {@code NTY_ERR_*}
     */
    @IgnoreError
    int nty_coroutine_resume(long co);

    /**
     * {@code nty_coroutine_complete_wait}: records the outcome of the fd wait the coroutine asked for.
     *
     * @param co the coroutine
     * @param result the ready events, or a negative wait outcome
     */
    @IgnoreError
    void nty_coroutine_complete_wait(long co, int result);

    /**
     * {@code nty_coroutine_free}: frees the coroutine and unmaps its stack.
     *
     * @param co the coroutine
     * @return 0, or a negative {@code NTY_ERR_*}
     */
    @IgnoreError
    int nty_coroutine_free(long co);

    /**
     * {@code nty_layout}: where a field of the saved context lies, for layout checks.
     *
     * @param field the field's number in {@code nty_switch.h}
     * @return its byte offset, or -1 for an unknown field
     */
    @IgnoreError
    long nty_layout(int field);

    /**
     * {@code nty_switch_mxcsr_policy}: -1 queries, 0 (compare: load MXCSR only when its control
     * bits differ) or 1 (load: always) sets the policy for the whole process; returns the policy
     * in force, or a negative NTY_ERR_* for anything else. Changes cost, never behaviour.
     *
     * @param policy -1, 0 or 1
     * @return the policy in force, or a negative NTY_ERR_* code
     */
    @IgnoreError
    int nty_switch_mxcsr_policy(int policy);

    /**
     * {@code nty_probe_thread_fp_control}: reads the calling thread's floating-point control state.
     *
     * @return its MXCSR (bits 0-31) and x87 control word (bits 32-47)
     */
    @IgnoreError
    long nty_probe_thread_fp_control();
}
