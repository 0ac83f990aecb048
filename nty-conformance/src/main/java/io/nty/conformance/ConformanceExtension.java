package io.nty.conformance;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * How the suite plugs into JUnit: gives every {@link SchedulerVerification} of one test run the
 * same {@link ConformanceReport}, kept in JUnit's root {@link ExtensionContext.Store} (not in a
 * static field), so each verification class adds its implementation's section to one file.
 *
 * <p>The report's path is the JUnit configuration parameter {@value ConformanceReport#PATH_PROPERTY}
 * (a system property, or an entry of {@code junit-platform.properties}), by default
 * {@value ConformanceReport#DEFAULT_PATH}. {@link SchedulerVerification} registers this extension
 * itself; implementers do not.
 */
public final class ConformanceExtension implements TestInstancePostProcessor {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceExtension.class);

    /** Created by JUnit for {@code @ExtendWith}; holds no state (the report lives in the root context's store). */
    public ConformanceExtension() {
        // Explicit only to carry the comment above.
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        if (testInstance instanceof SchedulerVerification v) {
            Path path = Path.of(context.getConfigurationParameter(ConformanceReport.PATH_PROPERTY)
                    .orElse(ConformanceReport.DEFAULT_PATH));
            v.useReport(context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(path, ConformanceReport::new, ConformanceReport.class));
        }
    }
}
