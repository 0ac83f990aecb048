package io.nty.conformance.driver;

import io.nty.conformance.Capability;
import io.nty.conformance.NativeContexts;
import io.nty.conformance.NativeProbe;
import io.nty.conformance.ScenarioRunner;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.ScenarioText;
import io.nty.conformance.scenario.Trace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The driver side of the protocol for any {@link ScenarioRunner}: reads scenarios, runs them,
 * writes traces. With the in-process runner over nty's scheduler this is nty's reference driver
 * ({@code java -jar nty-conformance.jar --serve nty}); a native implementation writes the same
 * loop in its own language.
 */
public final class DriverServer {

    private DriverServer() {
    }

    /**
     * Serves until {@code in} ends.
     *
     * @param runner what runs the scenarios
     * @param in the suite's lines
     * @param out where traces go; flushed after each trace
     * @throws IOException if reading fails
     */
    public static void serve(ScenarioRunner runner, BufferedReader in, PrintStream out) throws IOException {
        out.println(DriverProtocol.HELLO);
        out.println(DriverProtocol.CAPABILITIES + " " + runner.capabilities().stream()
                .filter(c -> c != Capability.IN_PROCESS_API).map(Enum::name).collect(Collectors.joining(" ")));
        out.println(DriverProtocol.NAME + " " + runner.name());
        out.println(DriverProtocol.READY);
        out.flush();
        List<String> lines = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            if (lines.isEmpty() && line.strip().startsWith(DriverProtocol.NATIVE_PROBE + " ")) {
                answerProbe(runner, line.strip().substring(DriverProtocol.NATIVE_PROBE.length()).strip(), out);
                continue;
            }
            lines.add(line);
            if (line.strip().equals("run")) {
                answer(runner, lines, out);
                lines.clear();
            }
        }
    }

    /** Runs one §2.4 probe on the runner's native contexts; a comment line says why when it cannot. */
    private static void answerProbe(ScenarioRunner runner, String name, PrintStream out) {
        Optional<NativeProbe> probe = NativeProbe.ofName(name);
        Optional<NativeContexts> contexts = runner.nativeContexts();
        if (probe.isEmpty()) {
            out.println("# unknown native probe '" + name + "'");
        } else if (contexts.isEmpty()) {
            out.println("# no native contexts here (NATIVE_CONTEXTS not declared)");
        } else {
            out.println(probeLine(contexts.get(), probe.get()));
        }
        out.println(DriverProtocol.END);
        out.flush();
    }

    private static String probeLine(NativeContexts contexts, NativeProbe probe) {
        try {
            return contexts.probe(probe);
        } catch (RuntimeException e) {
            return "# native probe " + probe.probeName() + " failed: " + e.toString().replace('\n', ' ');
        }
    }

    private static void answer(ScenarioRunner runner, List<String> lines, PrintStream out) {
        try {
            Scenario s = ScenarioText.parse(lines);
            Trace t = runner.run(s);
            t.events().forEach(out::println);
            for (Trace.Violation v : t.violations()) {
                out.println(DriverProtocol.VIOLATION + " " + v.rule().number() + " " + v.message().replace('\n', ' '));
            }
            if (!t.completed()) {
                // The scenario hung or crashed in here: say so, so the suite fails it rather than judging a partial trace.
                out.println(DriverProtocol.CRASH + " " + t.ending().describe().replace('\n', ' '));
            }
        } catch (IllegalArgumentException e) {
            out.println("# bad scenario: " + e.getMessage());
        }
        out.println(DriverProtocol.END);
        out.flush();
    }
}
