package io.nty.examples.clients;

/**
 * One client's whole life in a {@link ClientLoad}: open its own connection, call
 * {@link SessionContext#connected()}, run its queries, timing each through the context, close.
 * A session that throws counts as one error and ends; the others go on. Written as plain
 * blocking code: it runs unchanged on nty coroutines and on virtual threads.
 */
@FunctionalInterface
public interface ClientSession {

    /**
     * @param number the session's number, {@code 0 .. sessions-1}
     * @param context where it reports
     * @throws Exception anything: counted as an error of this session
     */
    void run(int number, SessionContext context) throws Exception;
}
