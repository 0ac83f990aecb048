package io.nty.sync;

/**
 * A {@link Channel} was closed: a send after (or blocked at) the close, or a receive once the
 * buffered elements are drained.
 */
public class ChannelClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused
     */
    public ChannelClosedException(String message) {
        super(message);
    }
}
