package io.nty.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The examples' command line: {@code java -jar nty-examples.jar <command> [options]}.
 * {@code --help} lists the commands ({@code demo}, {@code echo}, {@code http},
 * {@code proxy}, {@code chat}, {@code bench-echo}, {@code tour}); each command has its own {@code --help}.
 */
@Command(name = "nty-examples", mixinStandardHelpOptions = true, version = "nty 0.1.0",
        description = "NtyCo's samples running on nty coroutines.",
        subcommands = {DemoCommand.class, EchoCommand.class, HttpCommand.class, ProxyCommand.class, ChatCommand.class,
            BenchEchoCommand.class,
            TourCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'demo'");
    }
}
