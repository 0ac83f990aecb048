package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.IoEvents;
import io.nty.api.spi.Poller;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The default poller is chosen at the first fd wait, so a program that never waits on an fd never
 * asks a provider (and never loads nty-socket's jnr-ffi); no wakeup is lost across the switch.
 */
class DeferredPollerTest {

    private final ScriptedPoller scripted = new ScriptedPoller();
    private final AtomicInteger choices = new AtomicInteger();
    private final Supplier<Poller> choice = () -> {
        choices.incrementAndGet();
        return scripted;
    };

    @Test
    void noProviderIsAskedUntilTheFirstArm() {
        DeferredPoller p = new DeferredPoller(Thread.currentThread(), choice);
        p.wakeup();
        p.poll(0, (fd, ev) -> { });
        p.forget(5);
        assertThat(choices).hasValue(0);

        p.arm(5, IoEvents.READ);
        p.arm(6, IoEvents.READ);

        assertThat(choices).hasValue(1);
        assertThat(scripted.calls).containsExactly("arm 5 READ", "arm 6 READ");
        assertThat(p.name()).isEqualTo("scripted");
    }

    @Test
    void aSchedulerThatNeverWaitsOnAnFdNeverAsksAProvider() {
        try (NtyScheduler s = NtyScheduler.builder().poller(new DeferredPoller(Thread.currentThread(), choice))
                .build()) {
            s.create(a -> {
                io.nty.api.Coroutines.yield();
                io.nty.api.Coroutines.sleep(1);
            }, null);
            s.run();
        }
        assertThat(choices).hasValue(0);
        assertThat(scripted.calls).isEmpty();
    }

    @Test
    void theSwitchWakesTheChosenPollerSoAnEarlierWakeupIsNotLost() {
        DeferredPoller p = new DeferredPoller(Thread.currentThread(), choice);
        p.wakeup(); // reaches the parking poller: another thread's execute() just before the switch
        p.arm(3, IoEvents.READ);
        assertThat(scripted.wakeups).hasValue(1);
    }

    @Test
    void closingBeforeAnyWaitNeverAsksAProvider() {
        DeferredPoller p = new DeferredPoller(Thread.currentThread(), choice);
        p.close();
        assertThat(p.name()).isEqualTo("parking");
        assertThat(choices).hasValue(0);
    }

    @Test
    void closingAfterTheSwitchClosesTheChosenPoller() {
        DeferredPoller p = new DeferredPoller(Thread.currentThread(), choice);
        assertThat(p.supportsFds()).isTrue();
        p.close();
        assertThat(scripted.calls).containsExactly("close");
    }

    @Test
    void withoutAProviderTheFirstWaitSaysWhichModuleToAdd() {
        DeferredPoller p = new DeferredPoller(Thread.currentThread(), () -> {
            choices.incrementAndGet();
            return null;
        });
        assertThatThrownBy(() -> p.arm(3, IoEvents.READ))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("nty-socket")
                .hasMessageContaining("--add-modules io.nty.socket")
                .hasMessageContaining("no PollerProvider was found"); // none on this module's test class path
        assertThatThrownBy(() -> p.arm(3, IoEvents.READ)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(choices).hasValue(1);
        assertThat(p.name()).isEqualTo("parking");
    }

    @Test
    void theMissingExportMessageNamesTheFormForThePathNtyWasLoadedFrom() {
        Module unnamed = DeferredPollerTest.class.getClassLoader().getUnnamedModule();
        assertThat(ContinuationSwitch.missingExportMessage(unnamed))
                .contains("--add-exports java.base/jdk.internal.vm=ALL-UNNAMED")
                .contains(".mvn/jvm.config");
        Module named = Object.class.getModule(); // any named module: the flag must name it
        assertThat(ContinuationSwitch.missingExportMessage(named))
                .contains("--add-exports java.base/jdk.internal.vm=java.base ")
                .contains("module path");
    }
}
