package io.nty.conformance;

import io.nty.conformance.cli.ConformanceMain;
import io.nty.conformance.example.Fault;
import io.nty.conformance.example.FaultyProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shell commands that run the conformance command line in a fresh JVM on surefire's class path,
 * with the flags the runnable jar's manifest gives, for the tests that check the suite through the
 * driver protocol. Each word is quoted for {@code sh -c}, which is how {@code --driver} and
 * {@code DriverScenarioRunner} start a driver.
 */
final class CommandLines {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private CommandLines() {
    }

    /**
     * {@return a shell command running {@link ConformanceMain} with {@code args}}
     *
     * @param jvmOptions options for the JVM before the class path, e.g. {@code -Dname=value}
     * @param args the command line's arguments
     */
    static String conformanceMain(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ConformanceMain.class.getName()));
        cmd.addAll(List.of(args));
        return String.join(" ", cmd.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
    }

    /**
     * {@return a shell command serving {@code provider} as a driver ({@code --serve})}
     *
     * @param provider {@code nty} or a provider class name on the class path
     */
    static String serving(String provider) {
        return conformanceMain(List.of(), "--serve", provider);
    }

    /**
     * {@return a shell command serving {@link FaultyProvider} with {@code fault} as a driver}
     *
     * @param fault the fault the served implementation carries
     */
    static String servingFault(Fault fault) {
        return conformanceMain(List.of("-D" + FaultyProvider.FAULT + "=" + fault), "--serve",
                FaultyProvider.class.getName());
    }
}
