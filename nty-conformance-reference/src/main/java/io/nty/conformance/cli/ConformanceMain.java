package io.nty.conformance.cli;

import io.nty.conformance.Conformance;
import io.nty.conformance.ConformanceProvider;
import io.nty.conformance.ConformanceReport;
import io.nty.conformance.Rule;
import io.nty.conformance.RuleResult;
import io.nty.conformance.ScenarioReplay;
import io.nty.conformance.ScenarioRunner;
import io.nty.conformance.Target;
import io.nty.conformance.driver.DriverScenarioRunner;
import io.nty.conformance.driver.DriverServer;
import io.nty.conformance.jvm.JvmScenarioRunner;
import io.nty.conformance.reference.NtyReferenceProvider;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.ScenarioText;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The runnable jar's entry point: the one way to run the suite from the command line
 * ({@link CommandLine#HELP} lists the options; {@code --help} prints them).
 *
 * <pre>
 * java -jar nty-conformance.jar --driver "&lt;command&gt;"   verify an external driver (any language)
 * java -jar nty-conformance.jar --provider nty|&lt;class&gt; [--classpath DIR:JAR]   verify a JVM implementation
 * java -jar nty-conformance.jar --serve nty|&lt;class&gt;     be a driver for a JVM implementation
 * </pre>
 *
 * A run's state (target, settings, report) is built from the arguments alone and lives in local
 * objects. Verification prints a per-rule report, writes it as Markdown, and exits 1 if any rule
 * failed (not verified rules do not fail the run, and are never counted as passed), 2 on bad usage.
 */
public final class ConformanceMain {

    private ConformanceMain() {
    }

    /**
     * @param args see {@link CommandLine#HELP}
     * @throws IOException if serving fails to read its input
     */
    public static void main(String[] args) throws IOException {
        CommandLine cl;
        try {
            cl = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            System.err.println("nty-conformance: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(cl, System.out));
    }

    /**
     * @param cl a parsed command line
     * @param out where reports and replays are printed
     * @return the exit status
     * @throws IOException if serving fails to read its input
     */
    static int run(CommandLine cl, PrintStream out) throws IOException {
        switch (cl.mode()) {
            case HELP -> {
                out.print(CommandLine.HELP);
                return 0;
            }
            case SERVE -> {
                try {
                    serve(cl);
                } catch (CommandLine.UsageException e) {
                    System.err.println("nty-conformance: " + e.getMessage());
                    return 2;
                } catch (java.nio.file.NoSuchFileException e) {
                    System.err.println("nty-conformance: --input " + e.getFile() + ": no such file");
                    return 2;
                }
                return 0;
            }
            case DRIVER -> {
                try (DriverScenarioRunner runner = new DriverScenarioRunner(cl.subject())) {
                    return verifyOrReplay(cl, new Target(runner, Optional.empty(), cl.settings()), out);
                }
            }
            case PROVIDER -> {
                ConformanceProvider p;
                try {
                    p = provider(cl);
                } catch (CommandLine.UsageException e) {
                    System.err.println("nty-conformance: " + e.getMessage());
                    return 2;
                }
                return verifyOrReplay(cl, new Target(runner(p, cl.realFds()), Optional.of(p), cl.settings()), out);
            }
        }
        throw new AssertionError(cl.mode());
    }

    private static JvmScenarioRunner runner(ConformanceProvider p, boolean realFds) {
        return realFds ? JvmScenarioRunner.onRealSockets(p) : new JvmScenarioRunner(p);
    }

    private static void serve(CommandLine cl) throws IOException {
        // stdout carries the protocol only; anything else the JVM prints must go to stderr.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        ScenarioRunner runner = runner(provider(cl), cl.realFds());
        try (BufferedReader in = cl.input().isEmpty()
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(cl.input().get(), StandardCharsets.UTF_8)) {
            DriverServer.serve(runner, in, protocol);
        }
        protocol.flush();
    }

    private static int verifyOrReplay(CommandLine cl, Target target, PrintStream out) {
        if (cl.replay().isPresent()) {
            return replay(cl.replay().get(), target, out);
        }
        return verify(cl, target, out);
    }

    private static int replay(Path file, Target target, PrintStream out) {
        Scenario s;
        try {
            s = ScenarioText.parse(Files.readString(file));
        } catch (IOException e) {
            System.err.println("nty-conformance: cannot read the scenario " + file + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("nty-conformance: " + file + " is not a scenario: " + e.getMessage());
            return 2;
        }
        ScenarioReplay r = ScenarioReplay.run(target.runner(), s);
        out.println("nty conformance: replaying " + file + " on " + target.name());
        out.print(r.sideBySide());
        return r.conforms() ? 0 : 1;
    }

    private static int verify(CommandLine cl, Target target, PrintStream out) {
        ConformanceReport report = new ConformanceReport(cl.report());
        out.println("nty conformance: verifying " + target.name() + " with seed " + target.settings().seed()
                + " (replay with " + target.settings().replay().hint(target.settings().seed()) + ")");
        report.begin(target.name(), target.settings());
        List<Rule> rules = cl.rules().isEmpty() ? Arrays.asList(Rule.values())
                : Arrays.stream(Rule.values()).filter(cl.rules()::contains).toList();
        List<RuleResult> results = new ArrayList<>();
        for (Rule r : rules) {
            results.add(RuleResult.of(r, () -> Conformance.verify(r, target)));
        }
        report.recordAll(target.name(), results);
        out.print(report.summary(target.name()));
        Path written = report.write();
        for (RuleResult r : results) {
            if (r.outcome() == RuleResult.Outcome.FAILED) {
                out.println("\n" + r.detail());
            }
        }
        out.println("nty conformance: report written to " + written.toAbsolutePath());
        return results.stream().anyMatch(r -> r.outcome() == RuleResult.Outcome.FAILED) ? 1 : 0;
    }

    /** @throws CommandLine.UsageException if the class cannot be loaded or is not a provider */
    private static ConformanceProvider provider(CommandLine cl) {
        String name = cl.subject();
        if (name.equals("nty")) {
            return new NtyReferenceProvider();
        }
        ClassLoader loader = loader(cl.classPath());
        try {
            Class<?> c = Class.forName(name, true, loader);
            return (ConformanceProvider) c.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new CommandLine.UsageException("provider class '" + name + "' not found"
                    + (cl.classPath().isEmpty() ? "; java -jar ignores -cp: name its directories and jars with --classpath"
                            : " on --classpath " + cl.classPath()));
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new CommandLine.UsageException("'" + name + "' is not a ConformanceProvider class with a public"
                    + " no-argument constructor: " + e);
        }
    }

    /** @return a loader over {@code classPath} whose parent holds the suite, so the provider sees the suite's API */
    private static ClassLoader loader(List<Path> classPath) {
        ClassLoader parent = ConformanceMain.class.getClassLoader();
        if (classPath.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : classPath) {
            if (!Files.exists(p)) {
                throw new CommandLine.UsageException("--classpath entry " + p + " does not exist");
            }
            try {
                urls.add(p.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(new IOException("bad --classpath entry " + p, e));
            }
        }
        // Lives for the rest of the process, as the classes it loads do.
        return new URLClassLoader("nty-conformance-provider", urls.toArray(URL[]::new), parent);
    }
}
