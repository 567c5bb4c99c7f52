package io.openrma.process;

import java.util.ArrayList;
import java.util.List;

import io.openrma.returns.Actor;
import io.openrma.returns.Address;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Fix return address" completed: checks the corrected address, writes it to the returns record and
 * removes the address from the process variables.
 */
@Component
public class AddressFixedListener implements TaskListener {

  static final String[] FIELDS = {"pii_line1", "pii_line2", "pii_city", "pii_state", "pii_postalCode", "pii_country",
      ProcessIds.VAR_ADDRESS_PROBLEM};

  private final ReturnService returns;

  public AddressFixedListener(ReturnService returns) {
    this.returns = returns;
  }

  @Override
  public void notify(DelegateTask task) {
    Address address = new Address(text(task, "pii_line1"), text(task, "pii_line2"), text(task, "pii_city"),
        text(task, "pii_state"), text(task, "pii_postalCode"), text(task, "pii_country").toUpperCase());
    List<String> missing = new ArrayList<>();
    if (address.line1().isBlank()) {
      missing.add("street");
    }
    if (address.city().isBlank()) {
      missing.add("city");
    }
    if (address.postalCode().isBlank()) {
      missing.add("postal code");
    }
    if (!address.country().matches("[A-Z]{2}")) {
      missing.add("country (two letters, e.g. DE)");
    }
    if (!missing.isEmpty()) {
      throw new TaskInputException("The address needs " + String.join(", ", missing) + ".");
    }
    for (String field : FIELDS) {
      task.getExecution().removeVariable(field);
    }
    returns.updateAddress(task.getExecution().getProcessBusinessKey(),
        new Address(address.line1(), blankToNull(address.line2()), address.city(), blankToNull(address.state()),
            address.postalCode(), address.country()),
        Actor.user(ReviewCompletedListener.actor(task)));
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? "" : value.toString().trim();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
