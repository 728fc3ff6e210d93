package io.mediamill.application.users;

import java.util.Set;

/** What an operator asks to change about a user; a null field stays as it is. */
public record UserChange(Set<String> roles, String password, Boolean disabled) {
}
