package io.nty.nswitch;

import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.Optional;
import jnr.ffi.Pointer;

/**
 * One native coroutine: a C function running on its own mmap'd stack, switched to and from by
 * the assembly {@code nty_switch}. The Java form of {@code nty_coroutine *} from
 * {@code nty_switch.h}.
 *
 * <p>{@link #resume()} is a single call into native code: it switches to the coroutine's stack,
 * runs it until it yields or exits, switches back and returns the {@link NativeRequest} it left.
 * No Java frame ever runs on the coroutine's stack.
 *
 * <p>Invariants: a context is resumed only while {@link NativeState#isResumable() resumable}
 * (checked here before any switch, so misuse is a {@link NativeContextException}, never a
 * crash); after {@link #free()} no native memory is touched again. A context that becomes
 * unreachable without being freed is freed by a {@link Cleaner}.
 *
 * <p>Not thread-safe: use a context from one thread at a time (a scheduler's thread).
 */
public final class NativeContext implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private static final int REQ_YIELD = 1;
    private static final int REQ_SLEEP = 2;
    private static final int REQ_WAIT = 3;
    private static final int REQ_EXIT = 4;

    private final NtySwitch.Loaded lib;
    private final long address;
    private final Pointer memory;
    private final NativeEntry entry;
    private final long argument;
    private final Cleaner.Cleanable cleanable;
    private boolean freed;

    private NativeContext(NtySwitch.Loaded lib, long address, NativeEntry entry, long argument) {
        this.lib = lib;
        this.address = address;
        this.memory = Pointer.wrap(lib.runtime, address);
        this.entry = entry;
        this.argument = argument;
        this.cleanable = CLEANER.register(this, new Release(lib.library, address));
    }

    /**
     * Creates a NEW context with the default stack (128 KiB plus a guard page); see
     * {@link #create(NativeEntry, long, long)}.
     *
     * @param entry the C function to run
     * @param argument its {@code void *} argument, as a 64-bit value
     * @return the context
     */
    public static NativeContext create(NativeEntry entry, long argument) {
        return create(entry, argument, 0);
    }

    /**
     * Creates a NEW native coroutine that runs {@code entry(argument)} on its first resume:
     * {@code nty_coroutine_create}. Its saved context holds the coroutine in the {@code rdi}
     * slot and {@code nty_exec} as resume address (§2.4); nothing runs yet (§1.2).
     *
     * @param entry the C function to run
     * @param argument its {@code void *} argument, as a 64-bit value
     * @param stackSize the usable stack in bytes, rounded up to pages; 0 for the default
     * @return the context
     * @throws IllegalArgumentException if {@code stackSize < 0}
     * @throws OutOfMemoryError if the stack cannot be mapped
     * @throws io.nty.api.ContextSwitchUnavailableException if the native switch is unavailable
     */
    public static NativeContext create(NativeEntry entry, long argument, long stackSize) {
        Objects.requireNonNull(entry, "entry");
        if (stackSize < 0) {
            throw new IllegalArgumentException("stack size must not be negative: " + stackSize);
        }
        NtySwitch.Loaded lib = NtySwitch.loaded();
        long co = lib.library.nty_coroutine_create(entry.address(), argument, stackSize);
        if (co == 0) {
            throw new OutOfMemoryError("nty_coroutine_create(" + entry.name() + ", stack "
                    + stackSize + ") failed: errno " + lib.runtime.getLastError());
        }
        return new NativeContext(lib, co, entry, argument);
    }

    /**
     * Runs the coroutine until it yields or exits: {@code nty_coroutine_resume}.
     *
     * @return the request it left; {@link NativeRequest.Exit} once its function returned
     * @throws NativeContextException if the context has exited (§2.2), is freed, or is running
     */
    public NativeRequest resume() {
        NativeState s = state();
        if (!s.isResumable()) {
            throw new NativeContextException("cannot resume native coroutine " + this + ": it is "
                    + s + (s == NativeState.EXITED ? " and is never resumed again (§2.2)" : ""));
        }
        int kind = lib.library.nty_coroutine_resume(address);
        return request(kind);
    }

    /**
     * {@return the request the coroutine left at its last switch back, or empty if it has not
     *         switched back since it last started (NEW or RUNNING)}
     * @throws NativeContextException if the context is freed
     */
    public Optional<NativeRequest> lastRequest() {
        requireNotFreed("read the request of");
        int kind = memory.getInt(lib.layout.requestKind());
        return kind == 0 ? Optional.empty() : Optional.of(request(kind));
    }

    /**
     * Gives a waiting coroutine the outcome of its {@link NativeRequest.Await}: what its
     * {@code nty_coroutine_wait} returns when it is resumed next.
     *
     * @param result the ready events ({@code > 0}), or one of the {@code NTY_WAIT_*} codes
     *        ({@link NativeWaitResult})
     * @throws NativeContextException if the context is not suspended in a wait
     */
    public void completeWait(int result) {
        if (state() != NativeState.SUSPENDED || memory.getInt(lib.layout.requestKind()) != REQ_WAIT) {
            throw new NativeContextException("native coroutine " + this
                    + " is not suspended in a wait; there is nothing to complete");
        }
        lib.library.nty_coroutine_complete_wait(address, result);
    }

    /** {@return the current state; {@link NativeState#FREED} after {@link #free()}} */
    public NativeState state() {
        return freed ? NativeState.FREED : NativeState.ofNative(memory.getInt(lib.layout.state()));
    }

    /** {@return the saved {@code rdi} slot: the coroutine itself until its first resume (§2.4)} */
    public long savedRdi() {
        return savedWord(lib.layout.rdi());
    }

    /** {@return the saved resume address: {@code nty_exec} while NEW, a yield site later} */
    public long savedResumeAddress() {
        return savedWord(lib.layout.rip());
    }

    /** {@return the saved stack pointer: where the coroutine continues with its stack} */
    public long savedRsp() {
        return savedWord(lib.layout.rsp());
    }

    /** {@return the saved frame pointer (0 while NEW: the end of frame chains)} */
    public long savedRbp() {
        return savedWord(lib.layout.rbp());
    }

    /** {@return the saved MXCSR (SSE control and status)} */
    public int savedMxcsr() {
        requireNotFreed("read the saved context of");
        return memory.getInt(lib.layout.mxcsr());
    }

    /** {@return the saved x87 FPU control word} */
    public int savedX87ControlWord() {
        requireNotFreed("read the saved context of");
        return memory.getShort(lib.layout.fpucw()) & 0xffff;
    }

    /**
     * {@return the lowest address of the coroutine's mapping: the start of its guard page; 0 once
     *         the stack was unmapped (after the coroutine exited)}
     */
    public long mappingBase() {
        return savedWord(lib.layout.mapBase());
    }

    /** {@return the size of the mapping: the guard page plus the usable stack} */
    public long mappingSize() {
        return savedWord(lib.layout.mapSize());
    }

    /** {@return the size of the {@code PROT_NONE} guard page below the stack} */
    public long guardSize() {
        return savedWord(lib.layout.guardSize());
    }

    /** {@return the native {@code nty_coroutine *}; meaningless after {@link #free()}} */
    public long address() {
        return address;
    }

    /** {@return the function this coroutine runs} */
    public NativeEntry entry() {
        return entry;
    }

    /** {@return the argument its function is called with} */
    public long argument() {
        return argument;
    }

    /**
     * Frees the coroutine: unmaps its stack if still mapped and releases its native memory
     * ({@code nty_coroutine_free}). A suspended coroutine is abandoned. Idempotent.
     *
     * @throws NativeContextException if it is running (freeing it would pull the stack from
     *         under the CPU)
     */
    public void free() {
        if (freed) {
            return;
        }
        if (state() == NativeState.RUNNING) {
            throw new NativeContextException("cannot free native coroutine " + this
                    + ": it is RUNNING");
        }
        freed = true;
        cleanable.clean();
    }

    /** Same as {@link #free()}. */
    @Override
    public void close() {
        free();
    }

    @Override
    public String toString() {
        return "NativeContext[" + entry.name() + "@0x" + Long.toHexString(address) + "]";
    }

    private long savedWord(long offset) {
        requireNotFreed("read the saved context of");
        return memory.getLong(offset);
    }

    private void requireNotFreed(String action) {
        if (freed) {
            throw new NativeContextException("cannot " + action + " native coroutine " + this
                    + ": it was freed");
        }
    }

    private NativeRequest request(int kind) {
        return switch (kind) {
            case REQ_YIELD -> NativeRequest.YIELD;
            case REQ_SLEEP -> new NativeRequest.Sleep(memory.getLong(lib.layout.requestMillis()));
            case REQ_WAIT -> new NativeRequest.Await(memory.getInt(lib.layout.requestFd()),
                    memory.getInt(lib.layout.requestEvents()), memory.getLong(lib.layout.requestMillis()));
            case REQ_EXIT -> NativeRequest.EXIT;
            default -> throw new NativeContextException("nty_coroutine_resume refused native coroutine "
                    + this + ": " + describeError(kind));
        };
    }

    private static String describeError(int code) {
        return switch (code) {
            case -1 -> "not a live coroutine (NTY_ERR_BADCO)";
            case -2 -> "it has exited and is never resumed again (NTY_ERR_EXITED, §2.2)";
            case -3 -> "it is running (NTY_ERR_RUNNING)";
            default -> "unknown result " + code;
        };
    }

    /** Frees the native memory; holds no reference to the context, as a Cleaner action must. */
    private record Release(LibNtySwitch library, long address) implements Runnable {
        @Override
        public void run() {
            library.nty_coroutine_free(address);
        }
    }
}
