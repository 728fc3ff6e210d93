package io.mediamill.infrastructure.persistence.jpa;

import io.mediamill.domain.model.video.Video;
import io.mediamill.domain.model.video.VideoNotFoundException;
import io.mediamill.domain.model.video.VideoRepository;
import io.mediamill.domain.model.video.VideoStatus;
import io.mediamill.domain.model.processing.ProcessingQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Videos in the relational database through JPA. Transactions are demarcated on the repositories only, never
 * on a caller as well: Payara's {@code @Transactional} interceptor keeps per-call state in a field shared by
 * concurrent calls, and a nested {@code @Transactional} call racing with another thread can leave a thread
 * unable to begin a UserTransaction, which its batch runtime needs for every chunk.
 */
@ApplicationScoped
@Transactional
public class JpaVideoRepository implements VideoRepository {

    @PersistenceContext
    private EntityManager em;

    @Inject
    ProcessingQueue queue;

    @Override
    public void add(Video video) {
        em.persist(video);
    }

    @Override
    public void addQueued(Video video) {
        em.persist(video);
        em.flush();
        queue.submit(video.id());
    }

    @Override
    public Optional<Video> find(String id) {
        return Optional.ofNullable(em.find(Video.class, id));
    }

    @Override
    public Video update(String id, Consumer<Video> change) {
        Video video = em.find(Video.class, id);
        if (video == null) {
            throw new VideoNotFoundException(id);
        }
        change.accept(video);
        em.flush();
        return video;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Video updateOnItsOwn(String id, Consumer<Video> change) {
        return update(id, change);
    }

    @Override
    public List<Video> newestFirst(int offset, int limit) {
        return em.createNamedQuery("Video.findNewestFirst", Video.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<Video> newestFirstOwnedBy(String owner, int offset, int limit) {
        return em.createNamedQuery("Video.findByOwnerNewestFirst", Video.class)
                .setParameter("owner", owner)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long count() {
        return em.createNamedQuery("Video.count", Long.class).getSingleResult();
    }

    @Override
    public long countWithStatus(VideoStatus status) {
        return em.createNamedQuery("Video.countByStatus", Long.class).setParameter("status", status).getSingleResult();
    }

    @Override
    public long countOwnedBy(String owner) {
        return em.createNamedQuery("Video.countByOwner", Long.class).setParameter("owner", owner).getSingleResult();
    }

    @Override
    public Optional<Video> findByOwnerAndSha256(String owner, String sha256) {
        return em.createNamedQuery("Video.findByOwnerAndSha256", Video.class)
                .setParameter("owner", owner).setParameter("sha256", sha256)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public void remove(String id) {
        Video video = em.find(Video.class, id);
        if (video == null) {
            throw new VideoNotFoundException(id);
        }
        em.remove(video);
    }
}
