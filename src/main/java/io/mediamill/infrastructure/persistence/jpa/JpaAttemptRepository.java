package io.mediamill.infrastructure.persistence.jpa;

import io.mediamill.domain.model.processing.Attempt;
import io.mediamill.domain.model.processing.AttemptRepository;
import io.mediamill.domain.model.processing.AttemptStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jakarta.inject.Inject;

/** Attempts in the relational database through JPA; transactions demarcated here, as for videos. */
@ApplicationScoped
@Transactional
public class JpaAttemptRepository implements AttemptRepository {

    @PersistenceContext
    private EntityManager em;

    @Inject
    Clock clock;

    @Override
    public Attempt start(long executionId, String videoId, String node) {
        Attempt existing = em.find(Attempt.class, executionId);
        if (existing != null) {
            return existing;
        }
        Integer last = em.createNamedQuery("Attempt.lastNumber", Integer.class).setParameter("videoId", videoId)
                .getSingleResult();
        Attempt attempt = new Attempt(executionId, videoId, last == null ? 1 : last + 1, node, clock.instant());
        em.persist(attempt);
        return attempt;
    }

    @Override
    public Optional<Attempt> find(long executionId) {
        return Optional.ofNullable(em.find(Attempt.class, executionId));
    }

    @Override
    public Optional<Attempt> update(long executionId, Consumer<Attempt> change) {
        Attempt attempt = em.find(Attempt.class, executionId);
        if (attempt == null) {
            return Optional.empty();
        }
        change.accept(attempt);
        em.flush();
        return Optional.of(attempt);
    }

    @Override
    public List<Attempt> ofVideo(String videoId) {
        return em.createNamedQuery("Attempt.findByVideo", Attempt.class).setParameter("videoId", videoId).getResultList();
    }

    @Override
    public List<Attempt> newestFirst(AttemptStatus status, int offset, int limit) {
        TypedQuery<Attempt> query = status == null ? em.createNamedQuery("Attempt.findNewestFirst", Attempt.class)
                : em.createNamedQuery("Attempt.findByStatusNewestFirst", Attempt.class).setParameter("status", status);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(AttemptStatus status) {
        return status == null ? em.createNamedQuery("Attempt.count", Long.class).getSingleResult()
                : em.createNamedQuery("Attempt.countByStatus", Long.class).setParameter("status", status).getSingleResult();
    }
}
