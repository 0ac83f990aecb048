package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalogue is complete: {@code Conformance.check} is an exhaustive switch (the compiler keeps
 * it so), and this keeps the JUnit base class in step, one test per rule, named after it.
 */
class CatalogueTest {

    @Test
    void schedulerVerificationHasOneTestPerRuleNamedAfterIt() {
        Set<String> prefixes = Arrays.stream(SchedulerVerification.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class)).map(Method::getName)
                .map(n -> n.substring(0, n.indexOf('_', n.indexOf('_') + 1))).collect(Collectors.toSet());

        Set<String> expected = EnumSet.allOf(Rule.class).stream()
                .map(r -> "rule" + r.number().replace('.', '_')).collect(Collectors.toSet());
        assertThat(prefixes).isEqualTo(expected);
    }
}
