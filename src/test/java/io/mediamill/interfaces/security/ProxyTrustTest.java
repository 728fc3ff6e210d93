package io.mediamill.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProxyTrustTest {

    @Test
    void trustsListedAddressesAndRanges() {
        ProxyTrust trust = ProxyTrust.of("127.0.0.2, 10.1.0.0/16, fd00::/8");

        assertTrue(trust.trusts("127.0.0.2"));
        assertFalse(trust.trusts("127.0.0.1"));
        assertTrue(trust.trusts("10.1.200.3"));
        assertFalse(trust.trusts("10.2.0.1"));
        assertTrue(trust.trusts("fd12::1"));
        assertFalse(trust.trusts("fe80::1"));
    }

    @Test
    void trustsNobodyByDefaultAndNeverResolvesNames() {
        assertFalse(ProxyTrust.of("").trusts("127.0.0.1"));
        assertFalse(ProxyTrust.of("127.0.0.1").trusts("localhost"));
    }

    @Test
    void refusesAMalformedSetting() {
        assertThrows(IllegalArgumentException.class, () -> ProxyTrust.of("10.0.0.0/40"));
    }
}
