package io.nty.api;

/**
 * The observable states of a coroutine: NtyCo's status bits reduced to what a caller can see.
 *
 * <p>Transitions: {@code NEW → RUNNING} on the first resume (§2.1); {@code RUNNING → READY} on
 * a yield (§3.2); {@code RUNNING → SLEEPING} on a sleep (§3.4); {@code RUNNING → WAITING} on an
 * fd wait (§4.3); {@code RUNNING → PARKED} on a park (§6.1); {@code RUNNING → JOINING} on a join
 * of a coroutine that has not ended (§6.2); {@code PARKED | JOINING | SLEEPING | WAITING → READY}
 * when an unpark, the joined coroutine's end or a cancellation queues it (§6.1–§6.3);
 * {@code NEW | READY | SLEEPING | WAITING → RUNNING} when the scheduler resumes it;
 * {@code RUNNING → EXITED} when its function returns or throws (§2.2, §2.3), and
 * {@code NEW → EXITED} when it is cancelled before it ran (§6.3). EXITED is final.
 */
public enum CoroutineState {
    /** Created and queued, never resumed; its function has not started (§1.1). */
    NEW,
    /** Suspended in the ready queue after a yield; resumed in a later round (§3.2). */
    READY,
    /** The one coroutine the scheduler is running now (§3.1). */
    RUNNING,
    /** Suspended until a deadline (§3.4). */
    SLEEPING,
    /** Suspended until an fd is ready, its wait times out, or the fd is closed (§4.3). */
    WAITING,
    /** Suspended in {@code park()} until another coroutine unparks or cancels it (§6.1, §6.3). */
    PARKED,
    /** Suspended in {@code join()} until the joined coroutine ends or this one is cancelled (§6.2). */
    JOINING,
    /** Its function returned or threw; never resumed again, its context is freed (§2.2). */
    EXITED;

    /** @return whether a coroutine in this state is suspended and will be resumed later */
    public boolean isSuspended() {
        return switch (this) {
            case NEW, READY, SLEEPING, WAITING, PARKED, JOINING -> true;
            case RUNNING, EXITED -> false;
        };
    }
}
