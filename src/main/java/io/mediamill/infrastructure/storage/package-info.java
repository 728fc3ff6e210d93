/** The media volume: where uploads land, where committed media lives, and how files are published atomically. */
package io.mediamill.infrastructure.storage;
