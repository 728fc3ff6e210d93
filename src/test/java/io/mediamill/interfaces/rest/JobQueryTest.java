package io.mediamill.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.processing.AttemptStatus;
import org.junit.jupiter.api.Test;

class JobQueryTest {

    @Test
    void statusIsOptionalAndReadInAnyCase() {
        assertNull(JobQuery.of(null, 0, 20).status());
        assertNull(JobQuery.of(" ", 0, 20).status());
        assertEquals(AttemptStatus.FAILED, JobQuery.of("FAILED", 0, 20).status());
        assertEquals(AttemptStatus.ABANDONED, JobQuery.of(" abandoned ", 0, 20).status());
    }

    @Test
    void anUnknownStatusNamesTheKnownOnes() {
        InvalidQueryException refused = assertThrows(InvalidQueryException.class, () -> JobQuery.of("RUNNING", 0, 20));
        assertTrue(refused.getMessage().contains("\"RUNNING\""), refused.getMessage());
        assertTrue(refused.getMessage().contains("STARTED, COMPLETED, FAILED, STOPPED, ABANDONED"), refused.getMessage());
    }

    @Test
    void pagesCountFromZeroAndHoldAtMostAHundred() {
        assertEquals(new JobQuery(null, 3, 100), JobQuery.of(null, 3, 100));
        assertThrows(InvalidQueryException.class, () -> JobQuery.of(null, -1, 20));
        assertThrows(InvalidQueryException.class, () -> JobQuery.of(null, 0, 0));
        assertThrows(InvalidQueryException.class, () -> JobQuery.of(null, 0, 101));
    }
}
