package io.openrma.integrations.shopify;

import java.util.List;

/**
 * Shopify answered a mutation with {@code userErrors}: it refused what was asked (a return already
 * processed elsewhere, a quantity no longer returnable, a refund over what is left). Not worth retrying
 * unchanged; the step turns it into a BPMN error or an incident that names the mutation and the messages.
 */
public class ShopifyRefusedException extends RuntimeException {

  private final String mutation;
  private final List<String> messages;

  public ShopifyRefusedException(String mutation, List<String> messages) {
    super("Shopify refused " + mutation + ": " + String.join("; ", messages));
    this.mutation = mutation;
    this.messages = List.copyOf(messages);
  }

  public String mutation() {
    return mutation;
  }

  public List<String> messages() {
    return messages;
  }
}
