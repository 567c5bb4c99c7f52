package io.openrma.process;

import java.util.Optional;
import java.util.function.Supplier;

import io.openrma.returns.Actor;
import io.openrma.returns.ReturnService;
import org.springframework.stereotype.Component;

/**
 * Runs an external call at most once per return and step: the effect key ({@code RMA-001234:SendReturnEmail})
 * is recorded in its own transaction the moment the call succeeded, so a step that fails later and
 * is retried finds it and does not call again. The timeline entry is written with the step, so it
 * appears exactly when the step commits.
 */
@Component
public class Effects {

  private final ReturnService returns;

  public Effects(ReturnService returns) {
    this.returns = returns;
  }

  public static String key(String rmaNumber, String step) {
    return rmaNumber + ":" + step;
  }

  /** Returns the recorded reference of the effect, calling {@code call} only if there is none yet. */
  public String once(String rmaNumber, String step, String kind, Supplier<String> call, String timelineDetail) {
    String key = key(rmaNumber, step);
    Optional<String> done = returns.findEffect(key);
    String ref = done.orElseGet(() -> {
      String result = call.get();
      returns.recordEffect(rmaNumber, key, kind, result);
      return result;
    });
    if (timelineDetail != null) {
      returns.note(rmaNumber, Actor.process(step), kind, timelineDetail);
    }
    return ref;
  }
}
