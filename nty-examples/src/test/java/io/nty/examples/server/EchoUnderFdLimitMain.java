package io.nty.examples.server;

import io.nty.examples.Main;
import io.nty.socket.ErrnoException;

/**
 * The child process of {@link FdExhaustionFaultTest}: the {@code echo} command, after loading
 * the classes its out-of-fds path uses. From a class directory (as in a test run, unlike the
 * shaded jar) each class loaded costs an fd for a moment, which an exhausted process does not
 * have; loading them first keeps the test about the server, not the class path.
 */
public final class EchoUnderFdLimitMain {

    private static final int EMFILE = 24;

    private EchoUnderFdLimitMain() {
    }

    public static void main(String[] args) {
        String preloaded = new ErrnoException("accept", 3, EMFILE).getMessage();
        if (!preloaded.contains("EMFILE")) {
            throw new IllegalStateException("errno 24 is not EMFILE here: " + preloaded);
        }
        Main.main(args);
    }
}
