package io.mediamill.application.users;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(Set.of("1234567890", "Qwertyuiop"));

    @Test
    void takesALongUncommonPassword() {
        assertDoesNotThrow(() -> policy.check("alice", "correct horse battery"));
    }

    @Test
    void refusesShortOnes() {
        RejectedPasswordException refused = assertThrows(RejectedPasswordException.class, () -> policy.check("alice", "abc12345"));
        assertTrue(refused.getMessage().contains("at least 10"), refused.getMessage());
    }

    @Test
    void refusesCommonOnesWhateverTheirCase() {
        assertThrows(RejectedPasswordException.class, () -> policy.check("alice", "1234567890"));
        assertThrows(RejectedPasswordException.class, () -> policy.check("alice", "QWERTYUIOP"));
    }

    @Test
    void refusesOnesContainingTheUserName() {
        assertThrows(RejectedPasswordException.class, () -> policy.check("alice", "my-Alice-password"));
    }

    @Test
    void refusesAbsurdlyLongOnes() {
        assertThrows(RejectedPasswordException.class, () -> policy.check("alice", "x".repeat(1025)));
    }
}
