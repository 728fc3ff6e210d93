package io.mediamill.infrastructure.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeersTest {

    @Test
    void readsDaemonAndSshPeersInOrder() {
        List<Peer> peers = Peers.parse(" b = rsync://10.0.0.2:8730/media , c=media@host-c:/srv/mediamill/media,", "a");
        assertEquals(List.of("b", "c"), peers.stream().map(Peer::name).toList());
        assertTrue(peers.get(0).isDaemon());
        assertEquals("rsync://mediamill@10.0.0.2:8730/media/", peers.get(0).root());
        assertFalse(peers.get(1).isDaemon());
        assertEquals("media@host-c:/srv/mediamill/media/", peers.get(1).root());
    }

    @Test
    void noSettingMeansNoPeers() {
        assertEquals(List.of(), Peers.parse("", "a"));
        assertEquals(List.of(), Peers.parse(null, "a"));
    }

    @Test
    void refusesEntriesItCannotUseSayingWhich() {
        assertMessage("needs a name", "rsync://h:1/media");
        assertMessage("neither rsync://host:port/module", "b=http://h/media");
        assertMessage("named twice", "b=rsync://h:1/media,b=h:/x");
        assertMessage("this node's own name", "a=rsync://h:1/media");
        assertMessage("node name", "b c=h:/x");
    }

    private static void assertMessage(String words, String setting) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Peers.parse(setting, "a"));
        assertTrue(refused.getMessage().contains(words), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("MEDIAMILL_PEERS"), refused.getMessage());
    }
}
