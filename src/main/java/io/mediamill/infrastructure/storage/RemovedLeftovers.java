package io.mediamill.infrastructure.storage;

/** What a sweep of the media volume removed: temporary outputs, abandoned multipart uploads, their bytes. */
public record RemovedLeftovers(int partials, int uploads, long bytes) {

    public boolean nothing() {
        return partials == 0 && uploads == 0;
    }

    /** For the one log line of the sweep. */
    @Override
    public String toString() {
        return partials + " partial outputs and " + uploads + " abandoned uploads (" + bytes + " bytes)";
    }
}
