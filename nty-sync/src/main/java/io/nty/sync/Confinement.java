package io.nty.sync;

import io.nty.api.Scheduler;

/**
 * Which scheduler a primitive belongs to: the scheduler of the thread that first uses it, fixed
 * from then on. Park and unpark are confined to one scheduler's thread (§5.1, §6.1), so the
 * primitives need no locks; using one from another scheduler's thread fails at once instead of
 * corrupting it.
 */
final class Confinement {

    private final String what;
    private Scheduler owner;

    Confinement(String what) {
        this.what = what;
    }

    /**
     * {@return the owning scheduler, bound on first use}
     *
     * @param operation the call, for the error message
     * @throws IllegalStateException on a thread without a scheduler, or another scheduler's
     */
    Scheduler check(String operation) {
        Scheduler s = Scheduler.ofCurrentThread().orElse(null);
        if (s == null) {
            throw new IllegalStateException(what + "." + operation + "() called on thread '"
                    + Thread.currentThread().getName() + "', which has no nty scheduler; "
                    + what + " is used from its scheduler's thread (other threads: Scheduler.execute, §1.3)");
        }
        if (owner == null) {
            owner = s;
        } else if (owner != s) {
            throw new IllegalStateException(what + "." + operation + "() called from " + s + ", but this "
                    + what + " belongs to " + owner + " (§5.1: a coroutine primitive serves one scheduler)");
        }
        return s;
    }
}
