package io.nty.scheduler;

import io.nty.api.ContextSwitchUnavailableException;
import io.nty.api.spi.ContextSwitch;

/**
 * The JVM context switch: each coroutine context is a {@code jdk.internal.vm.Continuation}, the
 * one-shot delimited continuation under virtual threads. Resume is {@code run()}, suspend is
 * {@code Continuation.yield(scope)}.
 *
 * <p>Java frames never leave the thread's own stack as far as HotSpot is concerned: the
 * continuation's frames are copied to and from a heap stack chunk, so the GC sees every frame.
 * Needs {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} on the class path, or
 * {@code --add-exports java.base/jdk.internal.vm=io.nty.scheduler} when nty-scheduler is on the
 * module path (executable jars carry it as {@code Add-Exports} in their manifest);
 * {@link #create()} checks this before any class that touches {@code Continuation} is loaded,
 * and names the flag, in the form for the path this class was loaded from, if it is missing.
 */
public final class ContinuationSwitch implements ContextSwitch {

    /** The flag that gives the unnamed module (the class path) access to {@code jdk.internal.vm}. */
    public static final String REQUIRED_FLAG = "--add-exports java.base/jdk.internal.vm=ALL-UNNAMED";

    private ContinuationSwitch() {
    }

    /**
     * {@return the continuation switch}
     * @throws ContextSwitchUnavailableException if this JVM does not export {@code jdk.internal.vm}
     *         to nty, naming the flag to add
     */
    public static ContinuationSwitch create() {
        Module base = Object.class.getModule();
        Module self = ContinuationSwitch.class.getModule();
        if (!base.isExported("jdk.internal.vm", self)) {
            throw new ContextSwitchUnavailableException(missingExportMessage(self));
        }
        return new ContinuationSwitch();
    }

    /**
     * {@return the flag that exports {@code jdk.internal.vm} to the module nty-scheduler runs in:
     * {@code =ALL-UNNAMED} on the class path, {@code =io.nty.scheduler} on the module path}
     */
    public static String requiredFlag() {
        return requiredFlag(ContinuationSwitch.class.getModule());
    }

    static String requiredFlag(Module self) {
        return self.isNamed() ? "--add-exports java.base/jdk.internal.vm=" + self.getName() : REQUIRED_FLAG;
    }

    static String missingExportMessage(Module self) {
        String where = self.isNamed()
                ? " (nty-scheduler is on the module path, as module " + self.getName() + ")"
                : " (nty-scheduler is on the class path; for java -jar, put 'Add-Exports: java.base/jdk.internal.vm'"
                        + " in the jar manifest; for mvn exec:java, which runs in Maven's own JVM, put the flag"
                        + " in .mvn/jvm.config)";
        return "nty's continuation context switch needs access to jdk.internal.vm.Continuation: start the JVM with "
                + requiredFlag(self) + where;
    }

    @Override
    public String name() {
        return "continuation";
    }

    @Override
    public Context newContext(Runnable entry) {
        return new CoroutineContinuation(entry);
    }

    @Override
    public void suspend() {
        CoroutineContinuation.suspend();
    }
}
