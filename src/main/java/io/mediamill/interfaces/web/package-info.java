/** Web pages, the media file server under /media and the metrics at /metrics. */
package io.mediamill.interfaces.web;
