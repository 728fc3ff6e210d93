/** Slideshows composed from still images and music: the plan a composition follows and its timeline in frames. */
package io.mediamill.domain.model.slideshow;
