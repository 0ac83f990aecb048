package io.nty.conformance.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * A Docker image built {@code FROM scratch} that runs Java programs: a jlink'd JRE made from the
 * running JDK, the shared libraries it loads (found with {@code ldd}) at their host paths, an
 * empty writable {@code /tmp} (jnr-ffi extracts its native stub there) and an application class
 * path.
 *
 * <p>Nothing is pulled, so it builds on a machine that reaches no registry. It is built in two
 * steps, each tagged by a {@link ContentHash} of its inputs and reused whenever Docker already
 * holds that tag (from this JVM or an earlier run): a base image {@code nty-linux-jre-base:<hash>}
 * {@code FROM scratch} (JRE and libraries, about 60 MB, built once per JDK) and, {@code FROM} it,
 * {@code nty-linux-jre:<hash>} adding the class path, so changing a class re-sends only the class
 * path to Docker. An empty class path returns the base image itself.
 *
 * <p>Images are kept after the JVM exits, on purpose, so repeated test runs start in seconds; they
 * carry the label {@value #LABEL} ({@code =base} or {@code =image}) for removal.
 *
 * <p>Layout inside the image: {@value #JAVA} is the launcher; class path entry {@code i} is at
 * {@code /app/cp/<i>-<name>} (a jar or a directory), in the order given.
 */
public final class LinuxJreImage {

    /** The java launcher inside the image. */
    public static final String JAVA = "/jre/bin/java";

    /** The repository of the images this class returns: a base plus a class path. */
    public static final String REPOSITORY = "nty-linux-jre";

    /** The repository of the class-path-free images under them: JRE, libraries, {@code /tmp}. */
    public static final String BASE_REPOSITORY = "nty-linux-jre-base";

    /**
     * Label on every image this class builds, valued {@code base} or {@code image}: {@code docker
     * image rm $(docker image ls -q --filter label=io.nty.conformance.container)} removes them all.
     */
    public static final String LABEL = "io.nty.conformance.container";

    /** Bump when the layout changes, so old images with the same inputs are not reused. */
    private static final String LAYOUT_VERSION = "layout-1";

    /** Images known to exist, by tag, so one JVM asks Docker at most once per image. */
    private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

    private final String imageName;
    private final List<String> containerClassPath;

    private LinuxJreImage(String imageName, List<String> containerClassPath) {
        this.imageName = imageName;
        this.containerClassPath = List.copyOf(containerClassPath);
    }

    /** @return a builder with nty's JRE modules, an empty class path and cache dir {@code target/nty-containers} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the image's {@code repository:tag}, present in the local Docker daemon */
    public String imageName() {
        return imageName;
    }

    /** @return the class path inside the container, entries separated by {@code :} */
    public String containerClassPath() {
        return String.join(":", containerClassPath);
    }

    @Override
    public String toString() {
        return imageName + " (class path " + containerClassPath() + ")";
    }

    /**
     * The class path of the running JVM as files, skipping entries that do not exist: what a test
     * passes to {@link Builder#classPath} to run its own classes in the container.
     */
    public static List<Path> runningClassPath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.exists(Path.of(entry))) {
                entries.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        return entries;
    }

    /** Collects the image's inputs; {@link #build()} produces (or finds) the image. */
    public static final class Builder {
        private List<String> modules = JlinkedJre.DEFAULT_MODULES;
        private final List<Path> classPath = new ArrayList<>();
        private Path cacheDirectory = Path.of("target", "nty-containers").toAbsolutePath().normalize();

        private Builder() {
        }

        /**
         * @param rootModules the JRE's root modules, replacing {@link JlinkedJre#DEFAULT_MODULES}
         *        ({@code java.base, java.logging, java.management, jdk.unsupported})
         */
        public Builder modules(List<String> rootModules) {
            if (rootModules.isEmpty()) {
                throw new IllegalArgumentException("a JRE needs at least java.base");
            }
            this.modules = List.copyOf(rootModules);
            return this;
        }

        /** @param entries jars or class directories, appended in order to the application class path */
        public Builder classPath(List<Path> entries) {
            for (Path entry : entries) {
                if (!Files.exists(entry)) {
                    throw new IllegalArgumentException("class path entry " + entry + " does not exist");
                }
                classPath.add(entry.toAbsolutePath().normalize());
            }
            return this;
        }

        /** @param directory where the jlink'd JRE is cached; default {@code target/nty-containers} */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
            return this;
        }

        /**
         * Builds the image unless Docker already holds one with the same inputs.
         *
         * @throws IllegalStateException if jlink, ldd or the Docker build fails, with its output
         */
        public LinuxJreImage build() {
            String base = ensureBase();
            List<String> containerEntries = containerEntries();
            if (classPath.isEmpty()) {
                return new LinuxJreImage(base, containerEntries);
            }
            ContentHash hash = new ContentHash().add(LAYOUT_VERSION).add(base);
            for (Path entry : classPath) {
                hash.add(entry.getFileName().toString()).addPath(entry);
            }
            String name = REPOSITORY + ":" + hash.hex(16);
            ensure(name, () -> buildApplication(name, base, containerEntries));
            return new LinuxJreImage(name, containerEntries);
        }

        /** The JRE and its libraries: rebuilt only for another JDK, module list or libc. */
        private String ensureBase() {
            Path jre = JlinkedJre.obtain(cacheDirectory, modules);
            Set<Path> libraries = SharedLibraries.neededBy(JlinkedJre.elfFiles(jre), jre);
            ContentHash hash = new ContentHash().add(LAYOUT_VERSION).add(JlinkedJre.key(modules));
            for (Path library : libraries) {
                hash.add(library.toString()).addPath(library);
            }
            String name = BASE_REPOSITORY + ":" + hash.hex(16);
            ensure(name, () -> buildBase(name, jre, libraries));
            return name;
        }

        private List<String> containerEntries() {
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < classPath.size(); i++) {
                entries.add("/app/cp/" + i + "-" + classPath.get(i).getFileName());
            }
            return entries;
        }

        private static void buildBase(String name, Path jre, Set<Path> libraries) {
            ImageFromDockerfile image = new ImageFromDockerfile(name, false);
            image.withFileFromPath("jre", jre);
            for (Path library : libraries) {
                image.withFileFromPath("libs" + library, library);
            }
            image.withDockerfileFromBuilder(b -> b.from("scratch").label(Map.of(LABEL, "base"))
                    .copy("jre", "/jre").copy("libs/", "/")
                    // WORKDIR creates the directory: an empty /tmp for jnr-ffi's extracted stub
                    // and java.io.tmpdir; processes run as root, so 0755 is writable for them.
                    .workDir("/tmp").workDir("/"));
            resolve(image, name, "FROM scratch with JRE " + jre + " and libraries " + libraries);
        }

        /*
         * Jars and class directories in separate COPY steps, the more stable first: Docker's
         * build cache then reuses the jar layer when only classes changed.
         */
        private void buildApplication(String name, String base, List<String> containerEntries) {
            ImageFromDockerfile image = new ImageFromDockerfile(name, false);
            boolean jars = false;
            boolean directories = false;
            for (int i = 0; i < classPath.size(); i++) {
                boolean directory = Files.isDirectory(classPath.get(i));
                jars |= !directory;
                directories |= directory;
                image.withFileFromPath((directory ? "appdirs" : "appjars") + containerEntries.get(i), classPath.get(i));
            }
            boolean withJars = jars;
            boolean withDirectories = directories;
            image.withDockerfileFromBuilder(b -> {
                b.from(base).label(Map.of(LABEL, "image"));
                if (withJars) {
                    b.copy("appjars/", "/");
                }
                if (withDirectories) {
                    b.copy("appdirs/", "/");
                }
            });
            resolve(image, name, "FROM " + base + " with class path " + classPath);
        }
    }

    /** Builds with {@code build} unless Docker (or this JVM's memory of it) has {@code name}. */
    private static void ensure(String name, Runnable build) {
        if (!KNOWN.computeIfAbsent(name, LinuxJreImage::existsInDocker)) {
            build.run();
            KNOWN.put(name, true);
        }
    }

    private static void resolve(ImageFromDockerfile image, String name, String what) {
        try {
            image.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("docker build of " + name + " (" + what + ") failed", e);
        }
    }

    private static boolean existsInDocker(String name) {
        DockerClient docker = DockerDaemon.client();
        try {
            docker.inspectImageCmd(name).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
