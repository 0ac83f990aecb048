package io.nty.nswitch;

import java.util.Locale;

/** The platform name under which the native library is packaged, e.g. {@code linux-x86_64}. */
final class NativePlatform {

    /** The only platform the assembly switch is written for. */
    static final String SUPPORTED = "linux-x86_64";

    private NativePlatform() {
    }

    /** {@return this JVM's platform as {@code os-arch}, with the arch names normalised} */
    static String current() {
        return of(System.getProperty("os.name", "unknown"), System.getProperty("os.arch", "unknown"));
    }

    /**
     * {@return the platform name, e.g. {@code linux-x86_64} for Linux on amd64}
     *
     * @param osName a value of {@code os.name}
     * @param osArch a value of {@code os.arch}
     */
    static String of(String osName, String osArch) {
        return os(osName) + "-" + arch(osArch);
    }

    /** {@return the class path resource that holds the library for {@code platform}} */
    static String libraryResource(String platform) {
        return "io/nty/nswitch/native/" + platform + "/libntyswitch.so";
    }

    private static String os(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("linux")) {
            return "linux";
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return "macos";
        }
        if (n.startsWith("windows")) {
            return "windows";
        }
        return n.replaceAll("[^a-z0-9]", "");
    }

    private static String arch(String name) {
        String a = name.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> a.replaceAll("[^a-z0-9_]", "");
        };
    }
}
