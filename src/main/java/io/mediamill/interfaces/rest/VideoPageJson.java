package io.mediamill.interfaces.rest;

import java.util.List;

/** One page of the video list, newest first, with the total to page through. */
public record VideoPageJson(List<VideoJson> items, int page, int size, long total) {
}
