package io.mediamill.application.slideshow;

import io.mediamill.infrastructure.storage.Received;

/** A file part of a composition form as it arrived: the name the client gave it and its bytes on the volume. */
public record SentFile(String clientName, Received received) {
}
