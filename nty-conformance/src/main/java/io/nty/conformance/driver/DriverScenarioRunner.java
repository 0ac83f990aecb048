package io.nty.conformance.driver;

import io.nty.conformance.Capability;
import io.nty.conformance.NativeContexts;
import io.nty.conformance.NativeProbe;
import io.nty.conformance.Rule;
import io.nty.conformance.ScenarioRunner;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.ScenarioText;
import io.nty.conformance.scenario.Trace;
import io.nty.conformance.scenario.TraceEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs scenarios in an external driver process (any language) through the driver protocol.
 *
 * <p>The process is started by {@code sh -c <command>} on first use and kept for all scenarios.
 * A driver that does not finish a trace within {@link #TRACE_TIMEOUT_MILLIS} (after one hang,
 * {@link #TRACE_TIMEOUT_AFTER_HANG_MILLIS}) is killed with its whole process tree, its trace
 * ends {@link Trace.Ending.Hung}, and the next scenario starts a fresh driver; a driver that
 * exits (or is killed by a signal) in the middle of a trace ends it {@link Trace.Ending.Crashed},
 * with the exit status. Either way the rule the scenario was generated for fails, and a hanging
 * or busy-looping driver costs bounded time. Not thread-safe: one scenario at a time.
 */
public final class DriverScenarioRunner implements ScenarioRunner, AutoCloseable {

    /** Real time allowed for one trace. */
    public static final long TRACE_TIMEOUT_MILLIS = 10_000;
    /** Real time allowed for one trace once a driver hung: virtual-time scenarios take milliseconds. */
    public static final long TRACE_TIMEOUT_AFTER_HANG_MILLIS = 1_000;
    private static final String EOF = "\u0000eof";

    private final String command;
    private Process process;
    private PrintStream toDriver;
    private BlockingQueue<String> fromDriver;
    private String name;
    private Set<Capability> capabilities;
    private boolean hung;
    private long timeoutMillis = TRACE_TIMEOUT_MILLIS;

    /**
     * Creates a runner for the driver that {@code command} starts (run with {@code sh -c}); the
     * runner speaks the {@link DriverProtocol} with it over the driver's standard input and output.
     *
     * @param command the shell command that starts the driver
     */
    public DriverScenarioRunner(String command) {
        this.command = command;
    }

    @Override
    public String name() {
        ensureStarted();
        return name;
    }

    @Override
    public Set<Capability> capabilities() {
        ensureStarted();
        return capabilities;
    }

    @Override
    public Trace run(Scenario scenario) {
        ensureStarted();
        toDriver.print(ScenarioText.format(scenario));
        toDriver.flush();
        List<String> events = new ArrayList<>();
        List<Trace.Violation> violations = new ArrayList<>();
        String malformed = null;
        String crash = null;
        while (true) {
            String line = next();
            if (line == null || line.equals(EOF)) {
                Trace.Ending ending = line == null
                        ? new Trace.Ending.Hung("the driver did not finish the trace within " + timeoutMillis
                                + " ms of real time; it was killed and is restarted for the next scenario")
                        : new Trace.Ending.Crashed("the driver " + exitDescription() + " in the middle of the trace");
                if (line == null) {
                    hung = true;
                }
                stop();
                return new Trace(events, violations, ending);
            }
            if (line.equals(DriverProtocol.END)) {
                Trace.Ending ending = malformed != null ? new Trace.Ending.ProtocolError(malformed)
                        : crash != null ? new Trace.Ending.Crashed("the driver reported: " + crash)
                        : new Trace.Ending.Completed();
                return new Trace(events, violations, ending);
            }
            if (line.equals(DriverProtocol.CRASH) || line.startsWith(DriverProtocol.CRASH + " ")) {
                crash = line.substring(DriverProtocol.CRASH.length()).strip();
                crash = crash.isEmpty() ? "(no detail)" : crash;
                continue;
            }
            if (line.startsWith(DriverProtocol.VIOLATION + " ")) {
                try {
                    violations.add(violation(line));
                } catch (IllegalArgumentException e) {
                    malformed = malformed != null ? malformed : "'" + line + "': no such rule number";
                }
            } else if (!line.isBlank() && !line.startsWith("#")) {
                try {
                    TraceEvent.parse(line); // the shared vocabulary: an unknown event is a protocol error
                } catch (IllegalArgumentException e) {
                    malformed = malformed != null ? malformed : e.getMessage();
                }
                events.add(line.strip());
            }
        }
    }

    /**
     * @return how the driver process ended, e.g. {@code "exited with status 3"} or {@code "was
     *         killed by signal 11 (SIGSEGV)"} (a shell reports a child killed by signal N as 128+N)
     */
    private String exitDescription() {
        Process p = process;
        try {
            if (p == null || !p.waitFor(2, TimeUnit.SECONDS)) {
                return "closed its output";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "closed its output";
        }
        int status = p.exitValue();
        if (status > 128 && status < 128 + 65) {
            int signal = status - 128;
            return "was killed by signal " + signal + signalName(signal) + " (exit status " + status + ")";
        }
        return "exited with status " + status;
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 4 -> " (SIGILL)";
            case 6 -> " (SIGABRT)";
            case 7 -> " (SIGBUS)";
            case 8 -> " (SIGFPE)";
            case 9 -> " (SIGKILL)";
            case 11 -> " (SIGSEGV)";
            case 15 -> " (SIGTERM)";
            default -> "";
        };
    }

    /** @return probes sent to the driver as {@code native-probe} statements, when it declares NATIVE_CONTEXTS */
    @Override
    public Optional<NativeContexts> nativeContexts() {
        return capabilities().contains(Capability.NATIVE_CONTEXTS) ? Optional.of(this::probe) : Optional.empty();
    }

    /**
     * @return the driver's result lines up to {@code end} (one, when it conforms), or what went
     *         wrong; comment lines are kept only to explain a missing result
     */
    private String probe(NativeProbe probe) {
        ensureStarted();
        toDriver.println(DriverProtocol.NATIVE_PROBE + " " + probe.probeName());
        toDriver.flush();
        List<String> result = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (String line = next(); !DriverProtocol.END.equals(line); line = next()) {
            if (line == null || line.equals(EOF)) {
                String what = line == null ? "did not answer within " + timeoutMillis + " ms" : exitDescription();
                stop();
                return "(the driver " + what + ")";
            }
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
            } else if (!line.isBlank()) {
                result.add(line.strip());
            }
        }
        return result.isEmpty() ? "(no result line; driver said: " + String.join("; ", comments) + ")"
                : String.join(" / ", result);
    }

    private static Trace.Violation violation(String line) {
        String[] w = line.split(" ", 3);
        return new Trace.Violation(Rule.ofNumber(w[1]), w.length > 2 ? w[2] : "(no message)");
    }

    private void ensureStarted() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder("sh", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start driver '" + command + "'", e);
        }
        toDriver = new PrintStream(process.getOutputStream(), false, StandardCharsets.UTF_8);
        fromDriver = new LinkedBlockingQueue<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BlockingQueue<String> queue = fromDriver;
        Thread.ofPlatform().daemon(true).name("nty-driver-reader").start(() -> {
            try {
                for (String line; (line = r.readLine()) != null; ) {
                    queue.add(line);
                }
            } catch (IOException ignored) {
                // The driver went away; EOF below tells the reader of the queue.
            }
            queue.add(EOF);
        });
        handshake();
    }

    private void handshake() {
        String hello = next();
        if (!DriverProtocol.HELLO.equals(hello)) {
            stop();
            throw new IllegalStateException("driver '" + command + "' did not start with '" + DriverProtocol.HELLO
                    + "' but with " + (hello == null ? "nothing (timeout)" : "'" + hello + "'"));
        }
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        String n = command;
        for (String line; !DriverProtocol.READY.equals(line = next()); ) {
            if (line == null || line.equals(EOF)) {
                throw new IllegalStateException("driver '" + command + "' ended its handshake without 'ready'");
            }
            String[] w = line.strip().split("\\s+");
            if (w[0].equals(DriverProtocol.CAPABILITIES)) {
                for (int i = 1; i < w.length; i++) {
                    capability(w[i]).filter(c -> c != Capability.IN_PROCESS_API).ifPresent(caps::add);
                }
            } else if (w[0].equals(DriverProtocol.NAME)) {
                n = line.strip().substring(DriverProtocol.NAME.length()).strip() + " (driver)";
            }
        }
        capabilities = Set.copyOf(caps);
        name = n;
    }

    /** An unknown capability is ignored (with a note): a newer driver must not break an older suite. */
    private Optional<Capability> capability(String name) {
        try {
            return Optional.of(Capability.valueOf(name));
        } catch (IllegalArgumentException e) {
            System.err.println("nty-conformance: driver '" + command + "' declares unknown capability '" + name + "'; ignored");
            return Optional.empty();
        }
    }

    private String next() {
        try {
            return fromDriver.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Kills the driver and everything it started ({@code sh -c} may fork rather than exec). */
    private void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process = null;
        }
        if (hung) {
            timeoutMillis = TRACE_TIMEOUT_AFTER_HANG_MILLIS;
        }
    }

    /** Closes the driver's stdin so it exits, and waits briefly for it. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        toDriver.close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }
}
