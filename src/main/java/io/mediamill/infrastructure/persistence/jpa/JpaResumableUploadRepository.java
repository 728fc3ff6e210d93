package io.mediamill.infrastructure.persistence.jpa;

import io.mediamill.domain.model.upload.ResumableUpload;
import io.mediamill.domain.model.upload.ResumableUploadRepository;
import io.mediamill.domain.model.upload.UnfinishedUploads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/** Resumable uploads in the relational database through JPA. */
@ApplicationScoped
@Transactional
public class JpaResumableUploadRepository implements ResumableUploadRepository {

    @PersistenceContext
    private EntityManager em;

    @Override
    public void add(ResumableUpload upload) {
        em.persist(upload);
    }

    @Override
    public Optional<ResumableUpload> find(String id) {
        return Optional.ofNullable(em.find(ResumableUpload.class, id));
    }

    /** One conditional UPDATE: two nodes (or requests) cannot both move the same offset. */
    @Override
    public boolean advance(String id, long oldOffset, long newOffset) {
        return em.createNamedQuery("ResumableUpload.advance")
                .setParameter("id", id).setParameter("oldOffset", oldOffset).setParameter("newOffset", newOffset)
                .executeUpdate() == 1;
    }

    @Override
    public boolean moveTo(String id, String node, long oldOffset, long newOffset) {
        return em.createNamedQuery("ResumableUpload.moveTo").setParameter("id", id).setParameter("node", node)
                .setParameter("oldOffset", oldOffset).setParameter("newOffset", newOffset).executeUpdate() == 1;
    }

    @Override
    public ResumableUpload update(String id, Consumer<ResumableUpload> change) {
        ResumableUpload upload = em.find(ResumableUpload.class, id);
        if (upload == null) {
            throw new NoSuchElementException("no upload " + id);
        }
        change.accept(upload);
        return upload;
    }

    @Override
    public List<ResumableUpload> expiredBefore(Instant now) {
        return em.createNamedQuery("ResumableUpload.expiredBefore", ResumableUpload.class).setParameter("now", now)
                .getResultList();
    }

    @Override
    public UnfinishedUploads unfinishedBy(String owner, Instant now) {
        Object[] row = em.createNamedQuery("ResumableUpload.unfinishedBy", Object[].class)
                .setParameter("owner", owner).setParameter("now", now).getSingleResult();
        return new UnfinishedUploads(((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue());
    }

    @Override
    public void remove(String id) {
        ResumableUpload upload = em.find(ResumableUpload.class, id);
        if (upload != null) {
            em.remove(upload);
        }
    }
}
