/** Drills run by {@code ./mediamill drills}: bad input, faults and load against live servers, reported as a table. */
package io.mediamill.drills;
