package io.mediamill.interfaces.batch.transcode;

import java.io.Serializable;

/** What a processor hands its writer: the produced file and how far along the step that item is. */
record ItemOutput<T extends Serializable>(T file, int position, int count) implements Serializable {
}
