package io.nty.conformance.container;

import io.nty.scheduler.NtyScheduler;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A program the container tests run inside the image, reporting what it sees there on standard
 * output, one fact per line. Its first argument names the probe:
 *
 * <ul>
 *   <li>{@code nofile}: {@code nofile <soft> <hard>} from {@code /proc/self/limits};</li>
 *   <li>{@code interfaces}: {@code interface <name>} for each line of {@code /proc/net/dev};</li>
 *   <li>{@code trace <scenario file>}: runs {@link #trace} on the file's lines with
 *       {@link NtyScheduler}, printing the event trace;</li>
 *   <li>{@code lines <file>}: {@code line <text>} for each line of the file;</li>
 *   <li>{@code exhaust-fds <n>}: opens up to {@code n} files, printing {@code opened <n>} or
 *       {@code failed-after <k> <exception message>};</li>
 *   <li>{@code getpid}: {@code pid <n>}, asked of libc through jnr-ffi;</li>
 *   <li>{@code exit <code>}: writes to stderr and exits with the code;</li>
 *   <li>{@code sleep <ms>}: sleeps, then prints {@code woke}.</li>
 * </ul>
 */
public final class ContainerProbe {

    private ContainerProbe() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "nofile" -> System.out.println(nofile());
            case "interfaces" -> interfaces().forEach(i -> System.out.println("interface " + i));
            case "trace" -> trace(Files.readAllLines(Path.of(args[1]))).forEach(System.out::println);
            case "lines" -> Files.readAllLines(Path.of(args[1])).forEach(l -> System.out.println("line " + l));
            case "exhaust-fds" -> System.out.println(exhaustFds(Integer.parseInt(args[1])));
            case "getpid" -> System.out.println("pid " + LibC.load().getpid());
            case "exit" -> {
                System.err.println("exiting with " + args[1]);
                System.exit(Integer.parseInt(args[1]));
            }
            case "sleep" -> {
                Thread.sleep(Long.parseLong(args[1]));
                System.out.println("woke");
            }
            default -> throw new IllegalArgumentException("unknown probe " + args[0]);
        }
    }

    /** @return {@code nofile <soft> <hard>} from the "Max open files" line of /proc/self/limits */
    static String nofile() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
                return "nofile " + fields[0] + " " + fields[1];
            }
        }
        throw new IllegalStateException("/proc/self/limits has no Max open files line");
    }

    /** @return the interface names in /proc/net/dev (after its two header lines) */
    static List<String> interfaces() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/net/dev"));
        List<String> names = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            names.add(line.substring(0, line.indexOf(':')).trim());
        }
        return names;
    }

    /**
     * Runs one coroutine per scenario line {@code <name> <steps>}, created in line order; each
     * records {@code <name> step <i>} and yields, {@code steps} times, then records
     * {@code <name> exit}. The rules fix the order: FIFO creation and round-robin yields.
     *
     * @return the recorded events, in order
     */
    static List<String> trace(List<String> scenario) {
        List<String> events = new ArrayList<>();
        try (NtyScheduler scheduler = NtyScheduler.create()) {
            for (String line : scenario) {
                String[] fields = line.trim().split("\\s+");
                String name = fields[0];
                int steps = Integer.parseInt(fields[1]);
                scheduler.create(ignored -> {
                    for (int i = 0; i < steps; i++) {
                        events.add(name + " step " + i);
                        scheduler.yieldNow();
                    }
                    events.add(name + " exit");
                }, null);
            }
            scheduler.run();
        }
        return events;
    }

    /** Opens {@code count} streams without closing them, stopping at the first failure. */
    static String exhaustFds(int count) {
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                open.add(new FileInputStream("/proc/self/limits"));
            }
            return "opened " + count;
        } catch (IOException e) {
            return "failed-after " + open.size() + " " + e.getMessage();
        } finally {
            for (InputStream in : open) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing a read-only /proc file cannot lose data
                }
            }
        }
    }

    /** The one libc call the jnr-ffi probe makes. */
    public interface LibC {
        int getpid();

        static LibC load() {
            return jnr.ffi.LibraryLoader.create(LibC.class).load("c");
        }
    }
}
