/** Benchmarks that print measured ratios side by side; run with ./mediamill bench, never part of the tests. */
package io.mediamill.bench;
