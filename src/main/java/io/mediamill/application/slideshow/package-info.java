/** Slideshows: taking a composition's images and music, and composing them into the video's source in its batch job. */
package io.mediamill.application.slideshow;
