package io.nty.scheduler;

import io.nty.api.IoDirection;
import io.nty.api.IoEvents;
import java.util.Arrays;

/**
 * The wait table: NtyCo's {@code waiting} tree keyed by fd, as one array per direction indexed
 * by fd.
 *
 * <p>File descriptors are small dense integers, so a direct-indexed array gives O(1) lookup with
 * no hashing and no boxing. Each fd has a reader slot and a writer slot (§4.1): at most one
 * coroutine waits to read it and at most one to write it; a wait for {@code READ|WRITE} holds
 * both slots with the same coroutine. {@link #put} refuses an occupied slot.
 *
 * <p>Invariants: {@code count} equals the number of non-null slots over both arrays (a two-way
 * waiter counts twice); both arrays have the same length.
 */
final class WaitTable {

    private ScheduledCoroutine[] readers = new ScheduledCoroutine[64];
    private ScheduledCoroutine[] writers = new ScheduledCoroutine[64];
    private int count;

    /** {@return the coroutine waiting on {@code fd} in {@code direction}, or {@code null}} */
    ScheduledCoroutine get(int fd, IoDirection direction) {
        ScheduledCoroutine[] slots = slots(direction);
        return fd < slots.length ? slots[fd] : null;
    }

    /**
     * {@return the first coroutine that holds a slot of {@code fd} in a direction of
     *         {@code interest} (reader first), or {@code null} if all those slots are free}
     *
     * @param interest an interest mask
     */
    ScheduledCoroutine occupant(int fd, int interest) {
        for (IoDirection d : IoDirection.values()) {
            if (d.isIn(interest)) {
                ScheduledCoroutine co = get(fd, d);
                if (co != null) {
                    return co;
                }
            }
        }
        return null;
    }

    /**
     * Records {@code co} as the waiter on {@code fd} in every direction of {@code interest}.
     *
     * @throws IllegalStateException if one of those slots is taken; then nothing is recorded
     */
    void put(int fd, int interest, ScheduledCoroutine co) {
        ScheduledCoroutine other = occupant(fd, interest);
        if (other != null) {
            throw new IllegalStateException("fd " + fd + " already has a waiter in a direction of "
                    + IoEvents.toString(interest) + ": " + other);
        }
        if (fd >= readers.length) {
            int size = Math.max(fd + 1, readers.length * 2);
            readers = Arrays.copyOf(readers, size);
            writers = Arrays.copyOf(writers, size);
        }
        for (IoDirection d : IoDirection.values()) {
            if (d.isIn(interest)) {
                slots(d)[fd] = co;
                count++;
            }
        }
    }

    /**
     * Frees the slots of {@code fd} in the directions of {@code interest} that {@code co} holds;
     * slots held by another coroutine are left alone.
     *
     * @return whether {@code co} held any of them
     */
    boolean remove(int fd, int interest, ScheduledCoroutine co) {
        boolean removed = false;
        for (IoDirection d : IoDirection.values()) {
            ScheduledCoroutine[] slots = slots(d);
            if (d.isIn(interest) && fd < slots.length && slots[fd] == co) {
                slots[fd] = null;
                count--;
                removed = true;
            }
        }
        return removed;
    }

    /** {@return the number of occupied slots; 0 exactly when nobody waits} */
    int size() {
        return count;
    }

    void clear() {
        Arrays.fill(readers, null);
        Arrays.fill(writers, null);
        count = 0;
    }

    private ScheduledCoroutine[] slots(IoDirection direction) {
        return switch (direction) {
            case READ -> readers;
            case WRITE -> writers;
        };
    }
}
