package io.openrma.portal;

import java.util.ArrayList;
import java.util.List;

import io.openrma.returns.ReturnStatus;

/**
 * A return's way from request to refund as the customer sees it: seven steps, each done, the current one or
 * still to come, from the return's status. A return that ended early (rejected, cancelled, expired) has no
 * journey, only its status.
 */
final class Journey {

  private Journey() {
  }

  enum State {
    DONE, CURRENT, NEXT
  }

  /** {@code key}: the step's message key under {@code journey.}. */
  record Step(String key, State state) {
  }

  static final List<String> STEPS = List.of("requested", "approved", "label", "transit", "arrived", "inspected",
      "resolved");

  static List<Step> of(ReturnStatus status) {
    int current = switch (status) {
      case REQUESTED, UNDER_REVIEW -> 0;
      case APPROVED -> 1;
      case LABEL_ISSUED -> 2;
      case IN_TRANSIT -> 3;
      case RECEIVED -> 4;
      case INSPECTED, REFUND_PENDING, REFUND_FAILED -> 5;
      case REFUNDED, CLOSED -> 6;
      case REJECTED, CANCELLED, EXPIRED -> -1;
    };
    List<Step> steps = new ArrayList<>();
    if (current < 0) {
      return steps;
    }
    for (int i = 0; i < STEPS.size(); i++) {
      boolean finished = i < current || (i == current && i == STEPS.size() - 1);
      steps.add(new Step(STEPS.get(i), finished ? State.DONE : i == current ? State.CURRENT : State.NEXT));
    }
    return steps;
  }
}
