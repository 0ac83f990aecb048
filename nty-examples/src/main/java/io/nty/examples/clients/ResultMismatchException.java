package io.nty.examples.clients;

/** A server answered a query with something other than the one right result. */
public final class ResultMismatchException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param what the query
     * @param expected the right result
     * @param actual what came back
     */
    public ResultMismatchException(String what, Object expected, Object actual) {
        super(what + ": expected " + expected + ", got " + actual);
    }
}
