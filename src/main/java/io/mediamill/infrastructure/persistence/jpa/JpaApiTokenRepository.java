package io.mediamill.infrastructure.persistence.jpa;

import io.mediamill.domain.model.user.ApiToken;
import io.mediamill.domain.model.user.ApiTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** API tokens in the relational database through JPA. */
@ApplicationScoped
@Transactional
public class JpaApiTokenRepository implements ApiTokenRepository {

    @PersistenceContext
    private EntityManager em;

    @Override
    public void add(ApiToken token) {
        em.persist(token);
    }

    @Override
    public Optional<ApiToken> findByHash(String tokenHash) {
        return em.createNamedQuery("ApiToken.findByHash", ApiToken.class).setParameter("hash", tokenHash)
                .getResultStream().findFirst();
    }

    @Override
    public List<ApiToken> ownedBy(String username) {
        return em.createNamedQuery("ApiToken.findByOwner", ApiToken.class).setParameter("username", username)
                .getResultList();
    }

    @Override
    public boolean remove(String id, String username) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || !token.username().equals(username)) {
            return false;
        }
        em.remove(token);
        return true;
    }

    @Override
    public void removeAllOf(String username) {
        em.createNamedQuery("ApiToken.deleteByOwner").setParameter("username", username).executeUpdate();
    }
}
