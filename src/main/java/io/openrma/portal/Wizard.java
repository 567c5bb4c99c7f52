package io.openrma.portal;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.openrma.returns.ItemCondition;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnReason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A customer's way through "Find your order" to "Confirmation", kept in their HTTP session: the server holds
 * it, so nothing personal goes into a URL or a hidden field and nothing the customer sends can change the
 * order or whose it is. The order itself is read again from its source on every step. In a cluster the load
 * balancer keeps a customer on one node (or Spring Session shares sessions).
 */
final class Wizard implements Serializable {

  @Serial
  private static final long serialVersionUID = 1L;
  private static final String ATTRIBUTE = Wizard.class.getName();

  /** One chosen line of the order, by its position in the order. */
  record Choice(String lineItemId, int quantity, ReturnReason reason, ItemCondition condition)
      implements
        Serializable {
  }

  final String orderNumber;
  /** The order's email as its source knows it: proves the order again at each step, and goes on the return. */
  final String email;
  final Map<Integer, Choice> choices = new LinkedHashMap<>();
  String comment;
  Resolution resolution;
  /** For an exchange: the variant chosen per line (by its position in the order), where the source offers some. */
  final Map<Integer, String> exchangeVariants = new LinkedHashMap<>();
  /** The review's one-time form value: a second submit of the same review replays the first return. */
  String nonce = UUID.randomUUID().toString();
  String submittedRma;
  /** Where this wizard's photos wait in the database until the return is created (see {@code ReturnPhotos}). */
  String uploadId = UUID.randomUUID().toString();

  private Wizard(String orderNumber, String email) {
    this.orderNumber = orderNumber;
    this.email = email;
  }

  /** A new wizard for the order just found, in a new session id (the old one may have been planted). */
  static Wizard start(HttpServletRequest request, String orderNumber, String email) {
    request.getSession(true);
    request.changeSessionId();
    Wizard wizard = new Wizard(orderNumber, email);
    request.getSession().setAttribute(ATTRIBUTE, wizard);
    return wizard;
  }

  /** The wizard of this session, or {@code null} when it expired or never began. */
  static Wizard of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (Wizard) session.getAttribute(ATTRIBUTE);
  }

  /** A chosen line's reason lets the customer add photos. */
  boolean wantsPhotos() {
    return choices.values().stream().anyMatch(c -> c.reason().needsPhotos());
  }

  boolean hasChoices() {
    return !choices.isEmpty();
  }

  /** Something changed after the review: the next review has a new nonce, so it is a new return. */
  void changed() {
    nonce = UUID.randomUUID().toString();
    submittedRma = null;
  }
}
