package io.mediamill.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiskReserveTest {

    @Test
    void whatFitsAboveTheReserveIsTaken() {
        DiskReserve reserve = new DiskReserve(() -> 1_000, 200);

        assertDoesNotThrow(() -> reserve.requireRoomFor(800, "Upload-Length 800"));
    }

    @Test
    void whatWouldEatIntoTheReserveIsRefusedWithTheRoomLeft() {
        DiskReserve reserve = new DiskReserve(() -> 1_000, 200);

        InsufficientStorageException refused = assertThrows(InsufficientStorageException.class,
                () -> reserve.requireRoomFor(801, "Upload-Length 801"));

        assertTrue(refused.getMessage().startsWith("Upload-Length 801 does not fit"), refused.getMessage());
        assertTrue(refused.getMessage().contains("room for 800 more bytes"), refused.getMessage());
    }

    @Test
    void aVolumeAlreadyBelowItsReserveTakesNothing() {
        DiskReserve reserve = new DiskReserve(() -> 100, 200);

        InsufficientStorageException refused = assertThrows(InsufficientStorageException.class,
                () -> reserve.requireRoomFor(1, "The upload"));

        assertTrue(refused.getMessage().contains("room for 0 more bytes"), refused.getMessage());
    }
}
