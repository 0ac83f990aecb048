package io.nty.examples.clients;

/** What a {@link ClientSession} reports to its {@link ClientLoad}. */
public interface SessionContext {

    /**
     * Marks this session connected and waits until every session is connected (or has failed),
     * so that the measured query phase starts with all connections open.
     *
     * @throws InterruptedException if a virtual-thread session is interrupted while waiting
     */
    void connected() throws InterruptedException;

    /** @return the start of a query, to pass to {@link #queryDone} */
    long queryStarted();

    /**
     * Records a query that returned the right result.
     *
     * @param startNanos what {@link #queryStarted()} returned
     */
    void queryDone(long startNanos);
}
