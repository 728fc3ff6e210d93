package io.mediamill.domain.model.user;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The users. */
public interface UserRepository {

    /** Adds a new user; false when the name is taken (by another node too). */
    boolean add(User user);

    Optional<User> find(String username);

    List<User> all();

    User update(String username, Consumer<User> change);

    void remove(String username);
}
