package io.nty.conformance.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Ulimit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.testcontainers.DockerClientFactory;

/**
 * One run of a Java main class inside a {@link LinuxJreImage}, isolated the way the conformance
 * tier needs: network mode {@code none} (only {@code lo} exists), a low {@code nofile} ulimit
 * (soft = hard, so the program cannot raise it) and a bounded wall time.
 *
 * <p>The command is {@code /jre/bin/java <nty flags> <extra JVM options> -cp <image class path>
 * <main class> <args>}, run directly as PID 1 — the image has no shell, so there is no
 * redirection: a program's input is a file, copied in before start to
 * {@link #inputPath(Path) /nty/input/}{@code <file name>}, whose path the program receives as an
 * argument.
 *
 * <p>{@link #run()} may be called repeatedly; each call uses a fresh container, which is removed
 * afterwards whatever happens. A non-zero exit code is a result, not an error; only Docker
 * failures and timeouts throw.
 */
public final class ContainerJavaRun {

    /** Where input files appear inside the container. */
    public static final String INPUT_DIRECTORY = "/nty/input";

    /** The flags every JVM running nty needs: the continuation switch and native access. */
    public static final List<String> NTY_JVM_FLAGS = List.of(
            "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED");

    /** Low enough that exhausting it is cheap, high enough for a JVM with its jars open. */
    public static final int DEFAULT_NOFILE = 256;

    /** Generous for a JVM start plus a scenario batch; a hung driver still ends the run. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Label on every container started here, so stray ones can be found and removed. */
    public static final String LABEL = "io.nty.conformance.container";

    private final LinuxJreImage image;
    private final String mainClass;
    private final List<String> args = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, byte[]> inputs = new LinkedHashMap<>();
    private int nofile = DEFAULT_NOFILE;
    private Duration timeout = DEFAULT_TIMEOUT;

    private ContainerJavaRun(LinuxJreImage image, String mainClass) {
        this.image = Objects.requireNonNull(image, "image");
        this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
    }

    /** @return a run of {@code mainClass} (on the image's class path) with the defaults above */
    public static ContainerJavaRun of(LinuxJreImage image, String mainClass) {
        return new ContainerJavaRun(image, mainClass);
    }

    /**
     * @param hostFile a file given to {@link #input(Path)}
     * @return where that file appears inside the container
     */
    public static String inputPath(Path hostFile) {
        return inputPath(hostFile.getFileName().toString());
    }

    /**
     * @param fileName a name given to {@link #input(String, String)}
     * @return where that input appears inside the container
     */
    public static String inputPath(String fileName) {
        return INPUT_DIRECTORY + "/" + fileName;
    }

    /** @param values program arguments, appended */
    public ContainerJavaRun args(String... values) {
        args.addAll(List.of(values));
        return this;
    }

    /** @param options JVM options placed after {@link #NTY_JVM_FLAGS}, appended */
    public ContainerJavaRun jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /**
     * Copies a host file into the container before start, at {@link #inputPath(Path)}. The file
     * is read now, so later changes to it do not reach the run.
     *
     * @param hostFile a regular file; its name must differ from the other inputs'
     * @return this run
     * @throws IllegalArgumentException if it is not a regular file or its name is taken
     * @throws UncheckedIOException if it cannot be read
     */
    public ContainerJavaRun input(Path hostFile) {
        if (!Files.isRegularFile(hostFile)) {
            throw new IllegalArgumentException("input " + hostFile + " is not a regular file");
        }
        try {
            return input(hostFile.getFileName().toString(), Files.readAllBytes(hostFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input " + hostFile, e);
        }
    }

    /**
     * Places text, UTF-8 encoded, in the container at {@value #INPUT_DIRECTORY}{@code /<fileName>}
     * before start: a scenario batch needs no temporary file.
     *
     * @param fileName a plain file name, no {@code /}
     * @param text     the file's content
     * @return this run
     * @throws IllegalArgumentException if the name is not plain or is taken
     */
    public ContainerJavaRun input(String fileName, String text) {
        return input(fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    private ContainerJavaRun input(String fileName, byte[] content) {
        if (fileName.isEmpty() || fileName.contains("/") || fileName.equals(".") || fileName.equals("..")) {
            throw new IllegalArgumentException("input name " + fileName + " is not a plain file name");
        }
        if (inputs.putIfAbsent(fileName, content) != null) {
            throw new IllegalArgumentException("two inputs named " + fileName);
        }
        return this;
    }

    /** @param limit the {@code RLIMIT_NOFILE} soft and hard limit inside the container */
    public ContainerJavaRun nofile(int limit) {
        if (limit < 16) {
            throw new IllegalArgumentException("nofile " + limit + " is too low for a JVM to start");
        }
        this.nofile = limit;
        return this;
    }

    /** @param limit wall time from start to exit before the container is killed */
    public ContainerJavaRun timeout(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + limit);
        }
        this.timeout = limit;
        return this;
    }

    /** @return the command the container runs */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(LinuxJreImage.JAVA);
        command.addAll(NTY_JVM_FLAGS);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(image.containerClassPath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * Creates the container, copies the inputs in, starts it, waits for exit and collects output;
     * removes the container in every case.
     *
     * @return exit code and output
     * @throws ContainerRunTimeoutException if it ran longer than the timeout (it is killed first)
     * @throws IllegalStateException if Docker refuses a step, with Docker's message
     */
    public ContainerJavaResult run() {
        DockerClient docker = DockerDaemon.client();
        String id = create(docker);
        Throwable primary = null;
        try {
            return startAndCollect(docker, id);
        } catch (DockerException e) {
            primary = e;
            throw new IllegalStateException("docker refused the run of " + command() + " in "
                    + image.imageName() + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            primary = e;
            throw e;
        } finally {
            remove(docker, id, primary);
        }
    }

    private ContainerJavaResult startAndCollect(DockerClient docker, String id) {
        copyInputs(docker, id);
        long start = System.nanoTime();
        docker.startContainerCmd(id).exec();
        Integer exit = awaitExit(docker, id, timeout.toMillis());
        boolean timedOut = exit == null;
        if (timedOut) {
            kill(docker, id);
            exit = awaitExit(docker, id, 10_000);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        ContainerJavaResult result = collect(docker, id, exit == null ? -1 : exit, elapsed);
        if (timedOut) {
            throw new ContainerRunTimeoutException(timeout, String.join(" ", command()), result);
        }
        return result;
    }

    /** The program may exit between the timeout and the kill; Docker then refuses the kill. */
    private static void kill(DockerClient docker, String id) {
        try {
            docker.killContainerCmd(id).exec();
        } catch (DockerException e) {
            // already stopped: the following wait returns its exit code at once
        }
    }

    /** Removes the container; a failure is reported, attached to the run's own failure if any. */
    private static void remove(DockerClient docker, String id, Throwable primary) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (DockerException e) {
            IllegalStateException leak = new IllegalStateException("container " + id
                    + " could not be removed; remove it with docker rm -f " + id, e);
            if (primary == null) {
                throw leak;
            }
            primary.addSuppressed(leak);
        }
    }

    private String create(DockerClient docker) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("none")
                .withUlimits(List.of(new Ulimit("nofile", (long) nofile, (long) nofile)));
        Map<String, String> labels = new HashMap<>(DockerClientFactory.DEFAULT_LABELS);
        labels.put(LABEL, "run");
        return docker.createContainerCmd(image.imageName())
                .withCmd(command())
                .withLabels(labels)
                .withHostConfig(host)
                .exec()
                .getId();
    }

    /** Docker extracts a tar at a path; the tar names each input under {@value #INPUT_DIRECTORY}. */
    private void copyInputs(DockerClient docker, String id) {
        if (inputs.isEmpty()) {
            return;
        }
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            String dir = INPUT_DIRECTORY.substring(1) + "/";
            putDirectory(out, dir.substring(0, dir.indexOf('/') + 1));
            putDirectory(out, dir);
            for (Map.Entry<String, byte[]> input : inputs.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(dir + input.getKey());
                entry.setMode(0644);
                entry.setSize(input.getValue().length);
                out.putArchiveEntry(entry);
                out.write(input.getValue());
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack inputs " + inputs.keySet(), e);
        }
        docker.copyArchiveToContainerCmd(id)
                .withTarInputStream(new ByteArrayInputStream(tar.toByteArray()))
                .withRemotePath("/")
                .exec();
    }

    private static void putDirectory(TarArchiveOutputStream out, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
        out.putArchiveEntry(entry);
        out.closeArchiveEntry();
    }

    /** @return the exit code, or null if the container is still running after {@code millis} */
    private static Integer awaitExit(DockerClient docker, String id, long millis) {
        try (WaitContainerResultCallback wait = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
            return wait.awaitStatusCode(millis, TimeUnit.MILLISECONDS);
        } catch (DockerClientException e) {
            return null; // awaitStatusCode reports its timeout this way
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the wait on container " + id, e);
        }
    }

    private static ContainerJavaResult collect(DockerClient docker, String id, int exit, Duration elapsed) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        ResultCallback.Adapter<Frame> frames = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).writeBytes(frame.getPayload());
            }
        };
        try (frames) {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(frames);
            if (!frames.awaitCompletion(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("docker logs of container " + id + " did not end in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the output of container " + id, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the log stream of container " + id, e);
        }
        return new ContainerJavaResult(exit, stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8), elapsed);
    }
}
