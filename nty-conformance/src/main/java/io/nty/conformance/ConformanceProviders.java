package io.nty.conformance;

import java.util.List;
import java.util.ServiceLoader;

/** Finds the implementation under test when the verification class does not name one. */
public final class ConformanceProviders {

    /** The system property naming a {@link ConformanceProvider} class with a no-argument constructor. */
    public static final String PROPERTY = "nty.conformance.provider";

    private ConformanceProviders() {
    }

    /**
     * {@return the provider named by {@value #PROPERTY}, else the only one {@link ServiceLoader}
     * finds}
     *
     * @throws IllegalStateException naming what to do, if there is none or more than one
     */
    public static ConformanceProvider find() {
        String named = System.getProperty(PROPERTY);
        if (named != null && !named.isBlank()) {
            try {
                return (ConformanceProvider) Class.forName(named.strip()).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + named
                        + " does not name a ConformanceProvider with a public no-argument constructor", e);
            }
        }
        List<ConformanceProvider> found = ServiceLoader.load(ConformanceProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("found " + found.size() + " ConformanceProvider(s) through ServiceLoader "
                    + found.stream().map(ConformanceProvider::name).toList() + "; name one with -D" + PROPERTY
                    + "=<class> or override SchedulerVerification.provider()");
        }
        return found.get(0);
    }
}
