package io.nty.nswitch;

import io.nty.api.NtyException;

/**
 * A {@link NativeContext} was used in a state that forbids it: resumed after it exited (§2.2)
 * or was freed, resumed while running, or freed while running. The context is unaffected.
 */
public class NativeContextException extends NtyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was attempted, on which context, in which state
     */
    public NativeContextException(String message) {
        super(message);
    }
}
