package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.Scheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NtyCoFacadeTest {

    @AfterEach
    void free() {
        NtyCo.scheduleFree();
    }

    @Test
    void rule1_1_theFacadeCreatesTheThreadsSchedulerOnDemandLikeNtyCo() {
        assertThat(Scheduler.ofCurrentThread()).isEmpty();
        List<String> trace = new ArrayList<>();
        NtyCo.coroutineCreate(name -> {
            trace.add(name + " 1");
            NtyCo.coroutineYield();
            trace.add(name + " 2");
            NtyCo.coroutineSleep(1);
            trace.add(name + " 3");
        }, "a");
        NtyCo.coroutineCreate(name -> trace.add(name), "b");
        assertThat(Scheduler.ofCurrentThread()).isPresent();

        NtyCo.scheduleRun();

        assertThat(trace).containsExactly("a 1", "b", "a 2", "a 3");
        NtyCo.scheduleFree();
        assertThat(Scheduler.ofCurrentThread()).isEmpty();
    }
}
