package io.mediamill.domain.model.user;

import java.util.List;
import java.util.Optional;

/** The API tokens users issued, found by the hash of the token presented. */
public interface ApiTokenRepository {

    void add(ApiToken token);

    Optional<ApiToken> findByHash(String tokenHash);

    List<ApiToken> ownedBy(String username);

    /** Removes the token if {@code username} owns it; false when there is no such token of theirs. */
    boolean remove(String id, String username);

    void removeAllOf(String username);
}
