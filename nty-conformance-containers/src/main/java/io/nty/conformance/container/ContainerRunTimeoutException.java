package io.nty.conformance.container;

import java.time.Duration;

/**
 * A {@link ContainerJavaRun} outlived its timeout; the container was killed and removed. The
 * message carries the command and what the program had written so far, which usually shows where
 * it hung.
 */
public final class ContainerRunTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ContainerJavaResult partial;

    ContainerRunTimeoutException(Duration timeout, String command, ContainerJavaResult partial) {
        super("container run did not finish within " + timeout.toMillis() + " ms and was killed: "
                + command + "\n" + partial.describe());
        this.partial = partial;
    }

    /** @return the output written before the kill; its exit code is the kill's (typically 137) */
    public ContainerJavaResult partialResult() {
        return partial;
    }
}
