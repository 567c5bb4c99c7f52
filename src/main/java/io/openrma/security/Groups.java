package io.openrma.security;

import java.util.List;

/** The groups OpenRMA's users belong to; group ids double as Spring Security authorities. */
public final class Groups {

  private Groups() {
  }

  /** Cockpit, Admin, everything; Camunda's own name for the administrators' group. */
  public static final String ADMIN = "camunda-admin";
  /** Read process definitions and history in Cockpit; deploy from the Modeler. */
  public static final String ANALYSTS = "analysts";
  /** Review returns and fix addresses in Tasklist; create, read and cancel returns through the API. */
  public static final String CUSTOMER_SERVICE = "customer-service";
  /** Inspect returned items in Tasklist; post arrival scans. */
  public static final String WAREHOUSE = "warehouse";
  /** Resolve refund problems in Tasklist. */
  public static final String FINANCE = "finance";
  /** Machine users of partner systems (carrier events). */
  public static final String INTEGRATIONS = "integrations";

  public static final List<String> ALL = List.of(ADMIN, ANALYSTS, CUSTOMER_SERVICE, WAREHOUSE, FINANCE, INTEGRATIONS);

  public static String displayName(String groupId) {
    return switch (groupId) {
      case ADMIN -> "OpenRMA administrators";
      case ANALYSTS -> "Process analysts";
      case CUSTOMER_SERVICE -> "Customer service";
      case WAREHOUSE -> "Warehouse";
      case FINANCE -> "Finance";
      case INTEGRATIONS -> "Partner integrations (machine users)";
      default -> groupId;
    };
  }
}
