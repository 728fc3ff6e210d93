package io.mediamill.infrastructure.storage;

/** An upload's bytes on the media volume, with their size and SHA-256 (hex), hashed as they arrived. */
public record Received(java.nio.file.Path path, long size, String sha256) {
}
