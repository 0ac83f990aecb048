/**
 * The conformance suite's real-Linux-container tier: running an implementation's driver inside a
 * throw-away Linux container instead of in the test JVM.
 *
 * <p>This package owns exactly three things:
 * <ul>
 *   <li>the decision whether the tier runs at all — {@link io.nty.conformance.container.ContainerMode},
 *       from {@code -Dnty.containers=required|auto|off};</li>
 *   <li>the image — {@link io.nty.conformance.container.LinuxJreImage}, built {@code FROM scratch}
 *       (no registry is ever contacted) from a jlink'd copy of the running JDK
 *       ({@link io.nty.conformance.container.JlinkedJre}), the shared libraries {@code ldd} says it
 *       needs ({@link io.nty.conformance.container.SharedLibraries}) and an application class
 *       path; it is tagged by a {@link io.nty.conformance.container.ContentHash} so unchanged
 *       inputs reuse the image across runs;</li>
 *   <li>one bounded run of a Java main class in that image —
 *       {@link io.nty.conformance.container.ContainerJavaRun}, with network mode {@code none}, a
 *       low {@code nofile} ulimit and input files copied in, yielding a
 *       {@link io.nty.conformance.container.ContainerJavaResult}.</li>
 * </ul>
 *
 * <p>It knows nothing about scenarios, traces or rules: the driver protocol, the model and the
 * comparison belong to the rest of {@code io.nty.conformance}. Docker is reached through
 * Testcontainers' client; on a machine inside a container set {@code TESTCONTAINERS_RYUK_DISABLED=true}
 * and {@code TESTCONTAINERS_HOST_OVERRIDE=localhost} (this module's surefire configuration does).
 */
package io.nty.conformance.container;
