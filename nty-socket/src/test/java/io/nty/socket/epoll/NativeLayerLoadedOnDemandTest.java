package io.nty.socket.epoll;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.Coroutines;
import io.nty.scheduler.NtyScheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With nty-socket on the class path, a scheduler whose coroutines never wait on an fd loads no
 * jnr-ffi class (so neither jffi's native library nor the JDK's warnings about it); asking for the
 * poller does load it, which shows the class-load log would see it. Each case runs in a fresh JVM,
 * since this JVM has loaded jnr-ffi long ago.
 */
class NativeLayerLoadedOnDemandTest {

    @Test
    void aProgramThatWaitsOnNoFdLoadsNoJnrFfi() throws Exception {
        List<String> loaded = nativeClassesLoadedBy(SchedulerOnly.class);
        assertThat(loaded).isEmpty();
    }

    @Test
    void choosingThePollerLoadsJnrFfi() throws Exception {
        List<String> loaded = nativeClassesLoadedBy(PollerChosen.class);
        assertThat(loaded).anyMatch(c -> c.startsWith("jnr.ffi."));
    }

    private static List<String> nativeClassesLoadedBy(Class<?> main) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "-Xlog:class+load=info",
                "-cp", System.getProperty("java.class.path"), main.getName())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("the child ran its coroutines").contains("done");
        List<String> loaded = new ArrayList<>();
        for (String line : out.split("\n")) {
            // -Xlog:class+load lines: "[0.012s][info][class,load] jnr.ffi.Runtime source: ..."
            int at = line.indexOf("[class,load] ");
            if (at >= 0) {
                String name = line.substring(at + 13).split(" ")[0];
                if (name.startsWith("jnr.") || name.startsWith("com.kenai.jffi.")) {
                    loaded.add(name);
                }
            }
        }
        return loaded;
    }

    /** Yields and sleeps on a default scheduler: no fd waits. */
    static final class SchedulerOnly {
        public static void main(String[] args) {
            try (NtyScheduler s = NtyScheduler.create()) {
                s.create(a -> {
                    Coroutines.yield();
                    Coroutines.sleep(2);
                }, null);
                s.run();
            }
            System.out.println("done");
        }

        private SchedulerOnly() {
        }
    }

    /** Asks which poller the scheduler uses, which makes it choose (epoll, through jnr-ffi). */
    static final class PollerChosen {
        public static void main(String[] args) {
            try (NtyScheduler s = NtyScheduler.create()) {
                System.out.println("poller " + s.pollerName());
            }
            System.out.println("done");
        }

        private PollerChosen() {
        }
    }
}
