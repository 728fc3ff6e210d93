/** Use cases: uploading videos, processing them, and the one place that controls batch jobs. */
package io.mediamill.application;
