package io.mediamill.infrastructure.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeletedVideoFoldersTest {

    @TempDir
    Path tree;

    @Test
    void removesOldFoldersOfVideosThatDoNotExistAndNothingElse() throws Exception {
        Instant cutOff = Instant.now().minus(Duration.ofHours(1));
        Path gone = folder("aa11gone", cutOff.minusSeconds(60));
        Path kept = folder("bb22kept", cutOff.minusSeconds(60));
        Path young = folder("cc33youn", cutOff.plusSeconds(60));

        List<String> removed = new DeletedVideoFolders(tree, Set.of("bb22kept")::contains).removeOlderThan(cutOff);

        assertEquals(List.of("aa11gone"), removed);
        assertFalse(Files.exists(gone));
        assertTrue(Files.exists(kept), "its video exists");
        assertTrue(Files.exists(young), "an upload may be about to record it");
    }

    @Test
    void aVolumeWithoutVideosHasNothingToRemove() throws Exception {
        assertEquals(List.of(), new DeletedVideoFolders(tree.resolve("videos"), id -> false).removeOlderThan(Instant.now()));
    }

    private Path folder(String id, Instant modified) throws Exception {
        Path folder = Files.createDirectories(tree.resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id));
        Files.writeString(folder.resolve("original"), "bytes");
        Files.setLastModifiedTime(folder, FileTime.from(modified));
        return folder;
    }
}
