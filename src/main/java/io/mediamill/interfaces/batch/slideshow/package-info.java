/** Artifacts of the compose-slideshow job's own steps: rendering the batches of images, then adding the sound. */
package io.mediamill.interfaces.batch.slideshow;
