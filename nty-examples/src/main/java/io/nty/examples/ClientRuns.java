package io.nty.examples;

import io.nty.examples.clients.ClientLoad;
import io.nty.examples.clients.ClientLoadResult;
import io.nty.examples.clients.ClientRuntime;
import io.nty.examples.clients.ClientSession;
import java.io.PrintStream;

/** What the {@code pg} and {@code redis} commands share besides their options ({@link ClientOptions}): the run and the report. */
final class ClientRuns {

    private ClientRuns() {
    }

    /** @return where the sessions run, for the header line */
    static String describe(ClientRuntime runtime) {
        return switch (runtime) {
            case NTY -> "nty coroutines on one scheduler thread";
            case VIRTUAL -> "virtual threads, carrier parallelism "
                    + System.getProperty("jdk.virtualThreadScheduler.parallelism",
                            Runtime.getRuntime().availableProcessors() + " (default)");
        };
    }

    /**
     * Runs the load and prints the first error, the sentinel's line and the summary (last).
     *
     * @return the exit status: 0, or 1 if any session failed
     */
    static int runAndReport(ClientRuntime runtime, int connections, ClientSession session, PrintStream out)
            throws InterruptedException {
        ClientLoadResult result = new ClientLoad(runtime, connections, session, System.err::println).run();
        if (result.firstError() != null) {
            System.err.println("first error: " + result.firstError());
        }
        out.println(result.sentinelLine());
        out.println(result.phaseLine());
        out.println(result.summaryLine());
        return result.errors() == 0 ? 0 : 1;
    }
}
