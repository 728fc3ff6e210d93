/** Web pages and the media file server under /media. */
package io.mediamill.interfaces.web;
