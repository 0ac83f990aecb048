package io.nty.conformance.cli;

import io.nty.conformance.Conformance;
import io.nty.conformance.ConformanceProvider;
import io.nty.conformance.ConformanceReport;
import io.nty.conformance.RuleResult;
import io.nty.conformance.Settings;
import io.nty.conformance.Target;
import io.nty.conformance.driver.DriverScenarioRunner;
import io.nty.conformance.driver.DriverServer;
import io.nty.conformance.jvm.JvmScenarioRunner;
import io.nty.conformance.reference.NtyReferenceProvider;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The runnable jar's entry point.
 *
 * <pre>
 * java -jar nty-conformance.jar --driver "&lt;command&gt;"   verify an external driver (any language)
 * java -jar nty-conformance.jar --provider nty|&lt;class&gt;  verify a JVM implementation in process
 * java -jar nty-conformance.jar --serve nty|&lt;class&gt;     be a driver for a JVM implementation
 *                                                  (scenarios from stdin, or from --input FILE:
 *                                                  a batch, e.g. copied into a container)
 * options: --seed N  --examples N  --report PATH
 *          --real-fds   (with --provider or --serve) run the fd steps on real AF_UNIX socket
 *                       pairs, polled by the implementation's own poller
 * </pre>
 *
 * Verification prints a per-rule report, writes it as Markdown, and exits 1 if any rule failed
 * (not verified rules do not fail the run, and are never counted as passed), 2 on bad usage.
 */
public final class ConformanceMain {

    private ConformanceMain() {
    }

    /**
     * @param args see the class comment
     * @throws IOException if serving fails to read stdin
     */
    public static void main(String[] args) throws IOException {
        String driver = null;
        String provider = null;
        String serve = null;
        String input = null;
        boolean realFds = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--real-fds")) {
                realFds = true;
                continue;
            }
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--driver" -> driver = value;
                case "--provider" -> provider = value;
                case "--serve" -> serve = value;
                case "--input" -> input = value;
                case "--seed" -> System.setProperty(Settings.SEED, String.valueOf(value));
                case "--examples" -> System.setProperty(Settings.EXAMPLES, String.valueOf(value));
                case "--report" -> System.setProperty(ConformanceReport.PATH_PROPERTY, String.valueOf(value));
                default -> usage("unknown argument '" + args[i] + "'");
            }
            i++;
            if (value == null) {
                usage(args[i - 1] + " needs a value");
            }
        }
        if (serve != null) {
            serve(serve, input, realFds);
        } else if (driver != null) {
            try (DriverScenarioRunner runner = new DriverScenarioRunner(driver)) {
                System.exit(verify(new Target(runner, Optional.empty(), Settings.fromSystemProperties())));
            }
        } else if (provider != null) {
            ConformanceProvider p = provider(provider);
            System.exit(verify(new Target(runner(p, realFds), Optional.of(p), Settings.fromSystemProperties())));
        } else {
            usage("say what to verify: --driver \"<command>\", --provider nty|<class>, or --serve nty|<class>");
        }
    }

    private static JvmScenarioRunner runner(ConformanceProvider p, boolean realFds) {
        return realFds ? JvmScenarioRunner.onRealSockets(p) : new JvmScenarioRunner(p);
    }

    private static void serve(String name, String input, boolean realFds) throws IOException {
        // stdout carries the protocol only; anything else the JVM prints must go to stderr.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        try (BufferedReader in = input == null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
            DriverServer.serve(runner(provider(name), realFds), in, protocol);
        }
        protocol.flush();
    }

    private static int verify(Target target) {
        System.out.println("nty conformance: verifying " + target.name() + " with seed " + target.settings().seed()
                + " (replay with --seed " + target.settings().seed() + ")");
        ConformanceReport.begin(target.name(), target.settings().seed());
        List<RuleResult> results = Conformance.verifyAll(target);
        ConformanceReport.recordAll(target.name(), results);
        System.out.print(ConformanceReport.summary(target.name()));
        Path report = ConformanceReport.write();
        for (RuleResult r : results) {
            if (r.outcome() == RuleResult.Outcome.FAILED) {
                System.out.println("\n" + r.detail());
            }
        }
        System.out.println("nty conformance: report written to " + report.toAbsolutePath());
        return results.stream().anyMatch(r -> r.outcome() == RuleResult.Outcome.FAILED) ? 1 : 0;
    }

    private static ConformanceProvider provider(String name) {
        if (name.equals("nty")) {
            return new NtyReferenceProvider();
        }
        try {
            return (ConformanceProvider) Class.forName(name).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            usage("'" + name + "' is not a ConformanceProvider class with a public no-argument constructor: " + e);
            throw new AssertionError(e);
        }
    }

    private static void usage(String problem) {
        System.err.println("nty-conformance: " + problem);
        System.err.println("usage: java -jar nty-conformance.jar (--driver \"<command>\" | --provider nty|<class>"
                + " | --serve nty|<class> [--input FILE]) [--real-fds] [--seed N] [--examples N] [--report PATH]");
        System.exit(2);
    }
}
