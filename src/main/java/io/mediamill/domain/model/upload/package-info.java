/** Resumable uploads in progress (the tus protocol): how much has arrived, and for whom. */
package io.mediamill.domain.model.upload;
