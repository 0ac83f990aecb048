package io.nty.conformance.example;

import io.nty.api.spi.Poller;

/** A poller with no fds for {@link SimpleScheduler} when the suite gives it none: it only waits for a timeout or a wakeup. */
final class ParkingPoller implements Poller {

    private boolean woken;

    @Override
    public String name() {
        return "parking";
    }

    @Override
    public boolean supportsFds() {
        return false;
    }

    @Override
    public void arm(int fd, int events) {
        throw new UnsupportedOperationException("this poller waits on no fds");
    }

    @Override
    public void disarm(int fd, int events) {
        throw new UnsupportedOperationException("this poller waits on no fds");
    }

    @Override
    public synchronized int poll(long timeoutNanos, ReadySink sink) {
        long end = System.nanoTime() + timeoutNanos;
        while (!woken && timeoutNanos != 0) {
            long left = timeoutNanos < 0 ? 0 : end - System.nanoTime();
            if (timeoutNanos > 0 && left <= 0) {
                break;
            }
            try {
                wait(timeoutNanos < 0 ? 0 : Math.max(1, left / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        woken = false;
        return 0;
    }

    @Override
    public synchronized void wakeup() {
        woken = true;
        notifyAll();
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
