package io.mediamill.infrastructure.storage;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Produces;

/** Gives upload receivers a {@link HashingFileWriter} that hashes on the server's managed thread pool. */
@ApplicationScoped
public class HashingFileWriterProducer {

    @Resource
    ManagedExecutorService executor;

    @Produces
    HashingFileWriter hashingFileWriter() {
        return new HashingFileWriter(executor);
    }
}
