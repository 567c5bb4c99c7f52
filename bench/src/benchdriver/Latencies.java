package benchdriver;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latencies of one kind of request, in microseconds, with their percentiles. Thread-safe. */
final class Latencies {

  private long[] values = new long[1024];
  private int size;
  private long errors;

  synchronized void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos / 1000;
  }

  synchronized void error() {
    errors++;
  }

  synchronized int count() {
    return size;
  }

  synchronized long errors() {
    return errors;
  }

  /** The p-th percentile in milliseconds (nearest rank). */
  synchronized double percentile(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1000.0;
  }

  synchronized double mean() {
    if (size == 0) {
      return Double.NaN;
    }
    long sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[i];
    }
    return sum / (double) size / 1000.0;
  }

  Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", count());
    out.put("errors", errors());
    out.put("p50_ms", percentile(50));
    out.put("p90_ms", percentile(90));
    out.put("p99_ms", percentile(99));
    out.put("max_ms", percentile(100));
    out.put("mean_ms", mean());
    return out;
  }
}
