package io.nty.conformance.cli;

import io.nty.conformance.ConformanceReport;
import io.nty.conformance.Rule;
import io.nty.conformance.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The runnable jar's options, parsed: one run's whole configuration, with no system properties
 * involved (the seed, the examples and the report path go into the run's objects directly).
 *
 * @param mode what to do
 * @param subject the driver command, or the provider ({@code nty} or a class name)
 * @param classPath directories and jars to load the provider class from ({@code --classpath})
 * @param rules the rules to verify; all when empty
 * @param replay the scenario file to replay, if any
 * @param realFds whether fd steps run on real socket pairs
 * @param input with {@code --serve}, the file to read scenarios from instead of stdin
 * @param settings seed and examples, with the command line's replay hint
 * @param report where the Markdown report goes
 */
record CommandLine(Mode mode, String subject, List<Path> classPath, Set<Rule> rules, Optional<Path> replay,
        boolean realFds, Optional<Path> input, Settings settings, Path report) {

    /** What the command line asks for. */
    enum Mode {
        /** Print the help. */
        HELP,
        /** Verify a driver in another process. */
        DRIVER,
        /** Verify a JVM provider in this process. */
        PROVIDER,
        /** Be a driver for a JVM provider. */
        SERVE
    }

    /** The help text: every option. */
    static final String HELP = """
            usage: java -jar nty-conformance.jar MODE [OPTIONS]

            Checks a coroutine runtime against the numbered nty rules and prints a per-rule report
            (verified / failed / not verified). docs/conformance.md explains the suite,
            docs/conformance-protocol.md the driver protocol.

            modes (exactly one):
              --driver "COMMAND"     verify an implementation in any language: COMMAND (run with sh -c)
                                     speaks the text driver protocol on its stdin and stdout
              --provider nty|CLASS   verify a JVM implementation in this process; CLASS is an
                                     io.nty.conformance.ConformanceProvider with a public no-argument
                                     constructor (nty = the reference implementation)
              --serve nty|CLASS      be a driver: read scenarios on stdin, write traces on stdout
              --help, -h             print this help

            options:
              --classpath PATH       where CLASS and its implementation live: directories and jars
                                     separated by ':' (java -jar ignores -cp; use this instead)
              --rule N.M             verify only this rule, e.g. --rule 3.3 or --rule §3.3 (repeatable)
              --replay FILE          with --driver or --provider: run the one scenario in FILE (its text
                                     form, as a failure prints it) and print the model's trace beside
                                     the implementation's, the first difference marked
              --real-fds             with --provider or --serve: fd steps on real AF_UNIX socket pairs,
                                     polled by the implementation's own poller
              --input FILE           with --serve: read the scenarios from FILE instead of stdin
              --seed N               the seed; a failure prints the one that replays it (default: random)
              --examples N           scenarios generated per rule (default %d)
              --report PATH          where the Markdown report goes (default %s)

            exit status: 0 if no rule failed (not verified rules are not failures, and never count as
            verified) or the replayed scenario conforms; 1 otherwise; 2 on bad usage.
            """.formatted(Settings.DEFAULT_EXAMPLES, ConformanceReport.DEFAULT_PATH);

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * @param args the arguments
     * @return the parsed command line
     * @throws UsageException naming the problem
     */
    static CommandLine parse(String... args) {
        Mode mode = null;
        String subject = null;
        List<Path> classPath = new ArrayList<>();
        Set<Rule> rules = EnumSet.noneOf(Rule.class);
        Path replay = null;
        boolean realFds = false;
        Path input = null;
        Long seed = null;
        int examples = Settings.DEFAULT_EXAMPLES;
        Path report = Path.of(ConformanceReport.DEFAULT_PATH);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return new CommandLine(Mode.HELP, "", List.of(), Set.of(), Optional.empty(), false,
                            Optional.empty(), new Settings(0, 1), report);
                }
                case "--real-fds" -> realFds = true;
                case "--driver", "--provider", "--serve" -> {
                    Mode m = switch (a) {
                        case "--driver" -> Mode.DRIVER;
                        case "--provider" -> Mode.PROVIDER;
                        default -> Mode.SERVE;
                    };
                    if (mode != null) {
                        throw new UsageException("give one mode, not both --" + mode.name().toLowerCase() + " and " + a);
                    }
                    mode = m;
                    subject = value(args, ++i, a);
                }
                case "--classpath", "-cp", "--class-path" -> {
                    for (String p : value(args, ++i, a).split(":")) {
                        if (!p.isBlank()) {
                            classPath.add(Path.of(p));
                        }
                    }
                }
                case "--rule" -> {
                    String r = value(args, ++i, a);
                    try {
                        rules.add(Rule.ofNumber(r));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--rule " + r + ": no such rule; the rules are "
                                + EnumSet.allOf(Rule.class).stream().map(Rule::cite).toList());
                    }
                }
                case "--replay" -> replay = Path.of(value(args, ++i, a));
                case "--input" -> input = Path.of(value(args, ++i, a));
                case "--seed" -> seed = number(value(args, ++i, a), a);
                case "--examples" -> {
                    long n = number(value(args, ++i, a), a);
                    if (n < 1 || n > Integer.MAX_VALUE) {
                        throw new UsageException("--examples needs a positive number, not " + n);
                    }
                    examples = (int) n;
                }
                case "--report" -> report = Path.of(value(args, ++i, a));
                default -> throw new UsageException("unknown argument '" + a + "' (--help lists the options)");
            }
        }
        if (mode == null) {
            throw new UsageException("say what to verify: --driver \"COMMAND\", --provider nty|CLASS, or --serve nty|CLASS"
                    + " (--help lists the options)");
        }
        if (replay != null && mode == Mode.SERVE) {
            throw new UsageException("--replay goes with --driver or --provider, not --serve");
        }
        if (input != null && mode != Mode.SERVE) {
            throw new UsageException("--input goes with --serve");
        }
        if (realFds && mode == Mode.DRIVER) {
            throw new UsageException("--real-fds goes with --provider or --serve; a driver chooses its own sockets");
        }
        Settings settings = new Settings(seed != null ? seed : ThreadLocalRandom.current().nextLong(), examples,
                Settings.Replay.COMMAND_LINE);
        return new CommandLine(mode, subject, List.copyOf(classPath), Set.copyOf(rules), Optional.ofNullable(replay),
                realFds, Optional.ofNullable(input), settings, report);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String s, String option) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number, not '" + s + "'");
        }
    }
}
