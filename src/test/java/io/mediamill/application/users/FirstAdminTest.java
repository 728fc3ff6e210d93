package io.mediamill.application.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediamill.domain.model.user.Role;
import io.mediamill.domain.model.user.User;
import io.mediamill.domain.model.user.UserRepository;
import io.mediamill.infrastructure.config.MediamillConfig;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The very first start: a generated admin password, shown once in a file only its owner can read. */
class FirstAdminTest {

    @TempDir
    Path home;

    private final Map<String, User> stored = new TreeMap<>();

    @AfterEach
    void forgetHome() {
        System.clearProperty("mediamill.home");
    }

    @Test
    void theFirstStartMakesAnAdminWithBothRolesAndAPasswordFileOnlyItsOwnerReads() throws IOException {
        FirstAdmin first = firstAdmin();

        first.ensureAdmin();

        Path file = home.resolve(FirstAdmin.PASSWORD_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String password = Files.readString(file).strip();
        assertTrue(password.length() >= 20, "a generated password long enough: " + password);
        User admin = stored.get(UserService.ADMIN);
        assertEquals(EnumSet.allOf(Role.class), admin.roles());
        assertTrue(new FakeHash().verify(password.toCharArray(), admin.passwordHash()), "the file holds the admin's password");
    }

    @Test
    void laterStartsLeaveUsersAndTheFileAlone() throws IOException {
        firstAdmin().ensureAdmin();
        Path file = home.resolve(FirstAdmin.PASSWORD_FILE);
        String shown = Files.readString(file);
        String hash = stored.get(UserService.ADMIN).passwordHash();

        firstAdmin().ensureAdmin();

        assertEquals(shown, Files.readString(file));
        assertEquals(hash, stored.get(UserService.ADMIN).passwordHash());
        assertEquals(1, stored.size());
    }

    private FirstAdmin firstAdmin() {
        System.setProperty("mediamill.home", home.toString());
        UserService users = new UserService();
        users.users = new MapUsers();
        users.hasher = new FakeHash();
        users.clock = Clock.systemUTC();
        FirstAdmin first = new FirstAdmin();
        first.users = users;
        first.config = new MediamillConfig();
        return first;
    }

    /** Stands in for the server's PBKDF2 (not on the test class path): reversible, which is enough here. */
    private static final class FakeHash implements Pbkdf2PasswordHash {
        @Override
        public String generate(char[] password) {
            return "fake:" + new String(password);
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            return hashedPassword.equals(generate(password));
        }
    }

    private final class MapUsers implements UserRepository {
        @Override
        public boolean add(User user) {
            return stored.putIfAbsent(user.username(), user) == null;
        }

        @Override
        public Optional<User> find(String username) {
            return Optional.ofNullable(stored.get(username));
        }

        @Override
        public List<User> all() {
            return List.copyOf(stored.values());
        }

        @Override
        public User update(String username, Consumer<User> change) {
            change.accept(stored.get(username));
            return stored.get(username);
        }

        @Override
        public void remove(String username) {
            stored.remove(username);
        }
    }
}
