package benchdriver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The highest rate a system carries flat, for OpenRMA ({@link Throughput}) and the bare engine ({@link Baseline})
 * alike: up by 1.5x while a step is sustainable, then two bisections; if not even the start rate holds, halving
 * down to 1/s. A step that was not sustainable is followed by a drain, so the next starts from a quiet system.
 */
final class RateSearch {

  private RateSearch() {
  }

  /** {@code step}: holds a rate and answers its JSON, with {@code "sustainable": true|false}. */
  static Map<String, Object> search(double startRate, double maxRate, DoubleFunction<Map<String, Object>> step,
      Runnable drain) {
    List<Map<String, Object>> steps = new ArrayList<>();
    double good = 0;
    double bad = 0;
    double rate = startRate;
    while (rate <= maxRate) {
      Map<String, Object> result = step.apply(rate);
      steps.add(result);
      if (sustainable(result)) {
        good = rate;
        rate = Math.round(rate * 1.5);
      } else {
        bad = rate;
        drain.run();
        break;
      }
    }
    if (bad == 0) {
      bad = maxRate;
    }
    for (int i = 0; i < 2 && good > 0 && bad - good > Math.max(2, 0.08 * good); i++) {
      double mid = Math.round((good + bad) / 2);
      Map<String, Object> result = step.apply(mid);
      steps.add(result);
      if (sustainable(result)) {
        good = mid;
      } else {
        bad = mid;
        drain.run();
      }
    }
    rate = startRate;
    while (good == 0 && rate > 1) {
      rate = Math.max(1, Math.floor(rate / 2));
      drain.run();
      Map<String, Object> result = step.apply(rate);
      steps.add(result);
      if (sustainable(result)) {
        good = rate;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("steps", steps);
    out.put("highest_flat_per_s", good);
    out.put("lowest_growing_per_s", bad);
    return out;
  }

  private static boolean sustainable(Map<String, Object> step) {
    return Boolean.TRUE.equals(step.get("sustainable"));
  }
}
