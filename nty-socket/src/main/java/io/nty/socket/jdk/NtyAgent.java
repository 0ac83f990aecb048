package io.nty.socket.jdk;

import io.nty.sync.BlockingOffload;
import java.lang.instrument.Instrumentation;
import java.util.Locale;

/**
 * The {@code -javaagent} form of {@link JdkSocketHook#install()}, for programs whose
 * {@code main} you do not own: {@code java -javaagent:nty-socket-VERSION.jar -cp ... Main}
 * (nty-socket's jar, and the examples' {@code nty-examples.jar}, name this class as
 * {@code Premain-Class} and {@code Agent-Class}). It installs the hook before {@code main}
 * runs and does nothing else; it transforms no classes. The program still needs nty-socket's
 * dependencies (jnr-ffi, nty-sync) on its class path, and a scheduler to run coroutines on.
 *
 * <p>Options, comma-separated ({@code -javaagent:nty-socket.jar=resolverWorkers=4}):
 * <ul>
 *   <li>{@code resolverWorkers=N} ({@code N >= 1}): host-name lookups made inside coroutines run
 *       on a {@link BlockingOffload} of {@code N} workers ({@link JdkSocketHook#install(BlockingOffload)}).
 *       Without it, lookups run on the calling thread.</li>
 *   <li>{@code resolverQueue=M} ({@code M >= 0}, default {@value #DEFAULT_RESOLVER_QUEUE}): how many
 *       lookups may wait for a worker; beyond that a lookup runs on the calling thread. Only with
 *       {@code resolverWorkers}.</li>
 * </ul>
 * Anything else is refused, naming the option.
 */
public final class NtyAgent {

    /** Lookups that may wait for a resolver worker when {@code resolverQueue} is not given. */
    static final int DEFAULT_RESOLVER_QUEUE = 256;

    private NtyAgent() {
    }

    /**
     * Called by the JVM before {@code main} when started with {@code -javaagent}.
     *
     * @param args the agent's options (see the class documentation), or {@code null}
     * @param instrumentation unused
     * @throws IllegalArgumentException if an option is unknown or its value out of range
     */
    public static void premain(String args, Instrumentation instrumentation) {
        ResolverOptions options = ResolverOptions.parse(args);
        if (options.workers() == 0) {
            JdkSocketHook.install();
        } else {
            // Lives as long as the process: its workers are daemons that time out when idle.
            JdkSocketHook.install(new BlockingOffload(options.workers(), options.queue()));
        }
    }

    /**
     * Called when the agent is loaded into a running JVM: installs the hook for sockets made from
     * then on.
     *
     * @param args as for {@link #premain}
     * @param instrumentation unused
     */
    public static void agentmain(String args, Instrumentation instrumentation) {
        premain(args, instrumentation);
    }

    /**
     * The agent's options.
     *
     * @param workers resolver workers, 0 for no resolver offload
     * @param queue lookups that may wait for a worker
     */
    record ResolverOptions(int workers, int queue) {

        static ResolverOptions parse(String args) {
            int workers = 0;
            int queue = -1;
            if (args == null || args.isBlank()) {
                return new ResolverOptions(0, DEFAULT_RESOLVER_QUEUE);
            }
            for (String option : args.split(",")) {
                String[] kv = option.strip().split("=", 2);
                String key = kv[0].strip();
                if (kv.length != 2 || !(key.equals("resolverWorkers") || key.equals("resolverQueue"))) {
                    throw new IllegalArgumentException("nty's agent: unknown option '" + option.strip()
                            + "'; the options are resolverWorkers=N (N >= 1) and resolverQueue=M (M >= 0)");
                }
                int value = number(key, kv[1].strip());
                if (key.equals("resolverWorkers")) {
                    if (value < 1) {
                        throw new IllegalArgumentException("nty's agent: resolverWorkers must be >= 1, got " + value);
                    }
                    workers = value;
                } else {
                    if (value < 0) {
                        throw new IllegalArgumentException("nty's agent: resolverQueue must be >= 0, got " + value);
                    }
                    queue = value;
                }
            }
            if (queue >= 0 && workers == 0) {
                throw new IllegalArgumentException("nty's agent: resolverQueue=" + queue
                        + " needs resolverWorkers=N too (without workers there is no resolver offload)");
            }
            return new ResolverOptions(workers, queue < 0 ? DEFAULT_RESOLVER_QUEUE : queue);
        }

        private static int number(String key, String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "nty's agent: %s takes a whole number, got '%s'", key, text), e);
            }
        }
    }
}
