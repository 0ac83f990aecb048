/**
 * The x86_64 assembly context switch and native coroutines, bound to Java with jnr-ffi.
 *
 * <h2>What this module owns</h2>
 * <ul>
 *   <li>The native library {@code libntyswitch.so} (sources in {@code src/main/native}):
 *       {@code nty_switch}, the register switch; {@code nty_exec}, the entry trampoline
 *       (NtyCo's {@code _exec}); native coroutine stacks from {@code mmap} with a
 *       {@code PROT_NONE} guard page; and the C header {@code nty_switch.h} for people who write
 *       native coroutines.</li>
 *   <li>The binding: {@link io.nty.nswitch.NtySwitch} loads the library (packaged in the jar
 *       under {@code io/nty/nswitch/native/linux-x86_64/}, extracted and loaded by absolute
 *       path); {@link io.nty.nswitch.NativeContext} creates, resumes, inspects and frees one
 *       native coroutine; {@link io.nty.nswitch.NativeEntry} names its C entry function.</li>
 *   <li>The scheduler bridge: {@link io.nty.nswitch.NativeCoroutines} runs a native coroutine as
 *       an ordinary coroutine of any {@link io.nty.api.Scheduler}, carrying out the request it
 *       leaves at each yield ({@link io.nty.nswitch.NativeRequest}).</li>
 * </ul>
 *
 * <h2>What it must not touch</h2>
 * Java code never runs on a native stack: the JVM must see every Java frame, and switching
 * stacks under a Java frame would hide it from the garbage collector. So the assembly switch
 * only ever moves between native frames — from inside the one JNI call
 * {@link io.nty.nswitch.NativeContext#resume()} into a native coroutine and back — and Java
 * coroutines keep using the scheduler's own (continuation) switch. The module talks to a
 * scheduler only through the {@link io.nty.api.Scheduler} interface; it does not depend on the
 * reference scheduler and does not replace its context switch.
 *
 * <h2>Rules</h2>
 * The native side follows §2 of the specification: §2.1 the first resume enters
 * {@code nty_exec} with the coroutine in {@code rdi} and calls {@code func(arg)} once; §2.2 after
 * {@code func} returns the coroutine is EXITED, never resumed again, and its stack is unmapped;
 * §2.4 {@code rsp} is ABI-aligned at {@code func} entry, every switch preserves rbx, rbp,
 * r12–r15, rsp, MXCSR's control bits and the x87 control word per context (loaded only when
 * they differ, see {@code docs/switch.md}), and a stack overflow faults on the guard page. Under a scheduler, native coroutines are ordered exactly like Java ones (§1, §3).
 *
 * <h2>Platforms</h2>
 * The library exists for Linux on x86_64 only. Elsewhere the module still loads,
 * {@link io.nty.nswitch.NtySwitch#isAvailable()} is {@code false} and
 * {@link io.nty.nswitch.NtySwitch#unavailableReason()} says why.
 */
package io.nty.nswitch;
