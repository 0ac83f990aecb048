package io.nty.examples;

import io.nty.examples.clients.ClientLoad;
import io.nty.examples.clients.ClientLoadResult;
import io.nty.examples.clients.ClientRuntime;
import io.nty.examples.clients.ClientSession;
import java.io.PrintStream;
import java.util.Locale;
import picocli.CommandLine;

/** What the {@code pg} and {@code redis} commands share: the runtime option, the run, the report. */
final class ClientRuns {

    /** The {@code --runtime} option's description. */
    static final String RUNTIME_HELP = "nty (coroutines on one scheduler thread, java.net hooked) or virtual"
            + " (virtual threads on the JDK's sockets; one carrier needs -Djdk.virtualThreadScheduler.parallelism=1"
            + " -Djdk.virtualThreadScheduler.maxPoolSize=1) (default: ${DEFAULT-VALUE}).";

    private ClientRuns() {
    }

    /** @throws CommandLine.ParameterException naming {@code --runtime} for anything but nty or virtual */
    static ClientRuntime runtime(CommandLine cmd, String value) {
        try {
            return ClientRuntime.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--runtime must be nty or virtual: " + value);
        }
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
