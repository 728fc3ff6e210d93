/** How videos get processed: the queue every node takes work from, and the attempts that did the work. */
package io.mediamill.domain.model.processing;
