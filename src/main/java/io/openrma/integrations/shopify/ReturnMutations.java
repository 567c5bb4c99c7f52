package io.openrma.integrations.shopify;

import static io.openrma.integrations.shopify.ShopifyAdmin.SYSTEM;

import java.util.List;
import java.util.Map;

import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.shopify.ReturnAnswers.Mutated;
import io.openrma.integrations.shopify.ReturnAnswers.ReturnById;
import io.openrma.integrations.shopify.ReturnAnswers.ReturnPayload;
import io.openrma.integrations.shopify.ReturnAnswers.ShopifyReturn;
import io.openrma.integrations.shopify.ReturnAnswers.UserError;

/**
 * What every return operation shares: reading a return by id, and sending a mutation whose {@code userErrors}
 * become a {@link ShopifyRefusedException} with Shopify's messages.
 */
final class ReturnMutations {

  private final ShopifyAdmin shopify;

  ReturnMutations(ShopifyAdmin shopify) {
    this.shopify = shopify;
  }

  ShopifyAdmin admin() {
    return shopify;
  }

  /** The return as {@code document} selects it; Shopify not knowing it is an error, not an empty answer. */
  ShopifyReturn read(String what, String document, String returnId) {
    ReturnById answer = shopify.query(what, document, Map.of("id", returnId), ReturnById.class);
    if (answer.value() == null) {
      throw new IntegrationException(SYSTEM, what + " failed: Shopify knows no return " + returnId);
    }
    return answer.value();
  }

  /** A return mutation's payload; its {@code userErrors} refuse. */
  ReturnPayload send(String mutation, String document, Map<String, Object> variables, String what) {
    Mutated answer = shopify.query(what, document, variables, Mutated.class);
    ReturnPayload payload = answer.payload();
    if (payload == null) {
      throw new IntegrationException(SYSTEM, what + " failed: " + mutation + " answered without its payload");
    }
    refuseOn(mutation, payload.userErrors());
    return payload;
  }

  static void refuseOn(String mutation, List<UserError> errors) {
    if (errors != null && !errors.isEmpty()) {
      throw new ShopifyRefusedException(mutation, errors.stream().map(UserError::message).toList());
    }
  }
}
