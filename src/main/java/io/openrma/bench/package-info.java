/**
 * Support for the benchmark harness in {@code bench/}, active only under the Spring profile
 * {@code bench}: puts many returns into a waiting state at once, so message correlation and the
 * task list can be measured with 1k to 1M returns waiting. Never part of a production profile.
 */
package io.openrma.bench;
