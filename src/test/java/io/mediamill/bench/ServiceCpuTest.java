package io.mediamill.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceCpuTest {

    /** A real line from /proc/<pid>/task/<tid>/stat, its name holding a space and a closing parenthesis. */
    private static final String STAT = "7833 (default task-3) S 1 7600 7600 0 -1 4194368 3011 0 0 0 40 85 7 3 20 0 "
            + "180 0 104521 5347737600 201843 18446744073709551615 1 1 0 0 0 0 4 0 16796879 0 0 0 -1 1 0 0 0 0 0";

    @Test
    void readsUserSystemAndChildrenTicksAfterTheName() {
        assertArrayEquals(new long[] {40, 85, 7, 3}, ServiceCpu.times(STAT));
        assertArrayEquals(new long[] {40, 85, 7, 3}, ServiceCpu.times(STAT.replace("(default task-3)", "(odd) name)")));
    }

    @Test
    void takesTheNameBetweenTheFirstAndLastParenthesis() {
        assertEquals("default task-3", ServiceCpu.threadName(STAT));
        assertEquals("odd) name", ServiceCpu.threadName(STAT.replace("(default task-3)", "(odd) name)")));
    }

    @Test
    void groupsWildFlyThreadsByWhatTheyDo() {
        assertEquals(ServiceCpu.REQUESTS, ServiceCpu.group("default task-12"));
        assertEquals(ServiceCpu.POOL, ServiceCpu.group("EE-ManagedExecu"));
        assertEquals(ServiceCpu.JVM, ServiceCpu.group("C2 CompilerThre"));
        assertEquals(ServiceCpu.JVM, ServiceCpu.group("G1 Conc#0"));
        assertEquals(ServiceCpu.JVM, ServiceCpu.group("GC Thread#1"));
        assertEquals(ServiceCpu.OTHER, ServiceCpu.group("default I/O-1"));
    }

    @Test
    void groupsPayaraThreadsByWhatTheyDo() {
        assertEquals(ServiceCpu.REQUESTS, ServiceCpu.group("http-thread-poo"));
        assertEquals(ServiceCpu.POOL, ServiceCpu.group("concurrent/__de"));
        assertEquals(ServiceCpu.OTHER, ServiceCpu.group("Grizzly-kernel("));
    }

    @Test
    void accountsForEverySecondOfTheProcessIncludingEndedThreadsAndChildren() {
        Map<String, Double> seconds = new ServiceCpu(ProcessHandle.current().pid()).seconds();

        assertEquals(ServiceCpu.GROUPS, seconds.keySet().stream().toList());
        assertTrue(ServiceCpu.total(seconds) > 0, () -> "this JVM has used CPU: " + seconds);
        assertTrue(seconds.get(ServiceCpu.OTHER) >= -0.05 * ServiceCpu.GROUPS.size(),
                () -> "threads never add up to more than their process, beyond tick rounding: " + seconds);
    }
}
