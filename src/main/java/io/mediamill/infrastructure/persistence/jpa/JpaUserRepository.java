package io.mediamill.infrastructure.persistence.jpa;

import io.mediamill.domain.model.user.User;
import io.mediamill.domain.model.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/** Users in the relational database through JPA. */
@ApplicationScoped
@Transactional
public class JpaUserRepository implements UserRepository {

    @PersistenceContext
    private EntityManager em;

    /** Checked and inserted in one transaction; a name taken meanwhile by another node fails the insert. */
    @Override
    public boolean add(User user) {
        if (em.find(User.class, user.username()) != null) {
            return false;
        }
        em.persist(user);
        em.flush();
        return true;
    }

    @Override
    public Optional<User> find(String username) {
        return Optional.ofNullable(em.find(User.class, username));
    }

    @Override
    public List<User> all() {
        return em.createNamedQuery("User.findAll", User.class).getResultList();
    }

    @Override
    public User update(String username, Consumer<User> change) {
        User user = em.find(User.class, username);
        if (user == null) {
            throw new NoSuchElementException("no user " + username);
        }
        change.accept(user);
        return user;
    }

    @Override
    public void remove(String username) {
        User user = em.find(User.class, username);
        if (user != null) {
            em.remove(user);
        }
    }
}
