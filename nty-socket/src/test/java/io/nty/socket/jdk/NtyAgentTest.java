package io.nty.socket.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code -javaagent} form: a JVM started with an agent jar whose manifest names
 * {@link NtyAgent} (as nty-socket's own jar does) runs an unchanged {@code main} on hooked sockets.
 */
@Timeout(60)
class NtyAgentTest {

    @Test
    void javaagentInstallsTheHookBeforeMain(@TempDir Path dir) throws Exception {
        String output = runProbe(dir, "");
        assertThat(output).contains("hooked=true").contains("resolver=null").contains("read=42")
                .contains("localhostIsLoopback=true");
        int ticks = Integer.parseInt(output.replaceAll("(?s).*ticksDuringRead=(\\d+).*", "$1"));
        assertThat(ticks).as("sentinel ticks while the hooked read waited").isGreaterThanOrEqualTo(5);
    }

    @Test
    void javaagentWithResolverWorkersSetsTheResolverOffload(@TempDir Path dir) throws Exception {
        String output = runProbe(dir, "=resolverWorkers=2,resolverQueue=7");
        assertThat(output).contains("hooked=true").contains("resolver=BlockingOffload[0/2 busy, 0/7 queued]")
                .contains("read=42").contains("localhostIsLoopback=true");
    }

    /** Runs {@link AgentProbeMain} in a JVM started with {@code -javaagent:JAR} + {@code options}. */
    private static String runProbe(Path dir, String options) throws Exception {
        Path agentJar = dir.resolve("nty-agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", NtyAgent.class.getName());
        try (OutputStream out = Files.newOutputStream(agentJar); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush(); // the classes come from the class path; the agent jar needs its manifest only
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-javaagent:" + agentJar + options,
                "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), AgentProbeMain.class.getName()))
                .redirectErrorStream(true).start();
        String output;
        try {
            assertThat(p.waitFor(45, TimeUnit.SECONDS)).as("the probe JVM ended").isTrue();
        } finally {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void theAgentRefusesUnknownOptionsNamingTheKnownOnes() {
        assertThatThrownBy(() -> NtyAgent.premain("verbose", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option 'verbose'")
                .hasMessageContaining("resolverWorkers=N");
    }

    @Test
    void resolverOptionsAreParsedAndChecked() {
        assertThat(NtyAgent.ResolverOptions.parse(null).workers()).isZero();
        assertThat(NtyAgent.ResolverOptions.parse("resolverWorkers=4"))
                .isEqualTo(new NtyAgent.ResolverOptions(4, NtyAgent.DEFAULT_RESOLVER_QUEUE));
        assertThat(NtyAgent.ResolverOptions.parse("resolverWorkers=2, resolverQueue=0"))
                .isEqualTo(new NtyAgent.ResolverOptions(2, 0));
        assertThatThrownBy(() -> NtyAgent.ResolverOptions.parse("resolverWorkers=0"))
                .hasMessageContaining("resolverWorkers must be >= 1");
        assertThatThrownBy(() -> NtyAgent.ResolverOptions.parse("resolverWorkers=four"))
                .hasMessageContaining("takes a whole number, got 'four'");
        assertThatThrownBy(() -> NtyAgent.ResolverOptions.parse("resolverQueue=8"))
                .hasMessageContaining("needs resolverWorkers=N too");
    }
}
