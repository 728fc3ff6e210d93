package io.mediamill.application.live;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.live.RefusedSourceException;
import io.mediamill.domain.model.live.StreamSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceAddressesTest {

    private final SourceAddresses strict = new SourceAddresses(false);

    @Test
    void refusesThisMachineAndItsLink() {
        for (String url : new String[] {"rtsp://127.0.0.1/x", "rtsp://localhost/x", "rtsp://[::1]/x", "http://169.254.169.254/latest",
                "rtsp://0.0.0.0/x", "rtsp://[fe80::1]/x"}) {
            RefusedSourceException refused = assertThrows(RefusedSourceException.class,
                    () -> strict.check("source", StreamSource.source(url)), url);
            assertTrue(refused.getMessage().contains("MEDIAMILL_LIVE_ALLOW_PRIVATE"), refused.getMessage());
        }
    }

    @Test
    void takesCamerasOnTheSitesNetworkAndMulticast() {
        for (String url : new String[] {"rtsp://192.168.1.20/x", "rtsp://10.0.0.5/x", "udp://239.0.0.1:1234", "rtmp://8.8.8.8/live/a"}) {
            assertDoesNotThrow(() -> strict.check("source", StreamSource.source(url)), url);
        }
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() throws UnknownHostException {
        List<InetAddress> rebinding = List.of(InetAddress.getByName("192.168.1.20"), InetAddress.getByName("127.0.0.1"));
        SourceAddresses addresses = new SourceAddresses(false, host -> rebinding);
        assertThrows(RefusedSourceException.class, () -> addresses.check("source", StreamSource.source("rtsp://cam.example/x")));
        SourceAddresses unknown = new SourceAddresses(true, host -> List.of());
        assertThrows(RefusedSourceException.class, () -> unknown.check("source", StreamSource.source("rtsp://nowhere.invalid/x")));
    }

    @Test
    void privateAddressesPassWhenAllowed() {
        assertDoesNotThrow(() -> new SourceAddresses(true).check("source", StreamSource.source("rtsp://127.0.0.1/x")));
    }
}
