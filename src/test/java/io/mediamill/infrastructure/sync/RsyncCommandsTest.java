package io.mediamill.infrastructure.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.infrastructure.media.ExternalCommand;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RsyncCommandsTest {

    private final RsyncCommands commands = new RsyncCommands("rsync", Path.of("/vol"), Path.of("/home/run/rsync.secret"));
    private final Peer daemon = new Peer("b", "rsync://127.0.0.1:8730/media");
    private final Peer ssh = new Peer("c", "host-c:/srv/media");

    @Test
    void aPushSendsManifestsInASecondPassAndNeverHiddenFiles() {
        List<ExternalCommand> push = commands.push(daemon, "videos/ab/cd/abcd");
        assertEquals(List.of("rsync", "--timeout=60", "--contimeout=10", "--password-file=/home/run/rsync.secret",
                "--recursive", "--times", "--relative", "--delay-updates", "--exclude=.*", "--exclude=*.m3u8",
                "--exclude=*.mpd", "/vol/./videos/ab/cd/abcd/", "rsync://mediamill@127.0.0.1:8730/media/"),
                push.get(0).argv());
        assertEquals(List.of("rsync", "--timeout=60", "--contimeout=10", "--password-file=/home/run/rsync.secret",
                "--recursive", "--times", "--relative", "--delay-updates", "--exclude=.*",
                "/vol/./videos/ab/cd/abcd/", "rsync://mediamill@127.0.0.1:8730/media/"), push.get(1).argv());
    }

    @Test
    void overSshItUsesBatchModeAndNoPassword() {
        List<String> argv = commands.pull(ssh, "videos/ab/cd/abcd").get(1).argv();
        assertTrue(argv.containsAll(List.of("--rsh", "ssh -o BatchMode=yes -o ConnectTimeout=10")), argv.toString());
        assertTrue(argv.stream().noneMatch(arg -> arg.startsWith("--password-file")), argv.toString());
        assertEquals(List.of("host-c:/srv/media/./videos/ab/cd/abcd/", "/vol/"), argv.subList(argv.size() - 2, argv.size()));
    }

    @Test
    void aDeleteLetsOnlyTheFolderThroughItsParent() {
        List<String> argv = commands.delete(daemon, "videos/ab/cd/abcd").argv();
        assertEquals(List.of("--recursive", "--relative", "--delete", "--include=/videos/", "--include=/videos/ab/",
                "--include=/videos/ab/cd/", "--include=/videos/ab/cd/abcd/***", "--exclude=*", "/vol/./videos/ab/cd/",
                "rsync://mediamill@127.0.0.1:8730/media/"), argv.subList(4, argv.size()));
    }

    @Test
    void refusesPathsOutsideTheVolume() {
        assertThrows(IllegalArgumentException.class, () -> commands.push(daemon, "../etc"));
        assertThrows(IllegalArgumentException.class, () -> commands.pullFile(daemon, "/"));
    }
}
