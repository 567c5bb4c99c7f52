package io.openrma.portal;

import java.util.List;
import java.util.Optional;

import io.openrma.orders.Order;
import io.openrma.returns.Resolution;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "How you want it made right": money back to the payment when OpenRMA can refund it, an exchange (arranged
 * by customer service), store credit when the order has a Stripe customer whose balance can be credited (with
 * the bonus of {@code openrma.portal.store-credit-bonus-percent}, when there is one).
 */
@Controller
class ResolutionController {

  private final PortalReturns portal;

  ResolutionController(PortalReturns portal) {
    this.portal = portal;
  }

  /** One choice; {@code unavailable}: the message code saying why it cannot be chosen, else {@code null}. */
  record Option(Resolution resolution, String unavailable) {
  }

  @GetMapping("/returns/resolution")
  String choices(HttpServletRequest request, Model model) {
    Wizard wizard = Wizard.of(request);
    Optional<Order> order = wizard == null || !wizard.hasChoices() ? Optional.empty() : portal.order(wizard);
    if (order.isEmpty()) {
      return wizard == null ? "redirect:/returns" : "redirect:/returns/items";
    }
    return page(model, order.get(), wizard.resolution, false);
  }

  @PostMapping("/returns/resolution")
  String choose(@RequestParam(required = false) String resolution, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    Wizard wizard = Wizard.of(request);
    Optional<Order> order = wizard == null || !wizard.hasChoices() ? Optional.empty() : portal.order(wizard);
    if (order.isEmpty()) {
      return wizard == null ? "redirect:/returns" : "redirect:/returns/items";
    }
    Optional<Option> chosen = options(order.get()).stream()
        .filter(o -> o.unavailable() == null && o.resolution().name().equals(resolution)).findFirst();
    if (chosen.isEmpty()) {
      response.setStatus(422);
      return page(model, order.get(), null, true);
    }
    wizard.resolution = chosen.get().resolution();
    wizard.exchangeVariants.clear();
    wizard.changed();
    return portal.needsVariants(order.get(), wizard) ? "redirect:/returns/exchange" : "redirect:/returns/review";
  }

  private String page(Model model, Order order, Resolution selected, boolean missing) {
    List<Option> options = options(order);
    model.addAttribute("options", options);
    model.addAttribute("selected", selected != null
        ? selected
        : options.stream().filter(o -> o.unavailable() == null).map(Option::resolution).findFirst().orElse(null));
    model.addAttribute("missing", missing);
    model.addAttribute("bonusPercent", portal.storeCreditBonusPercent());
    return "portal/resolution";
  }

  private List<Option> options(Order order) {
    return List.of(
        new Option(Resolution.REFUND, portal.refundsPayment(order) ? null : "resolution.REFUND.unavailable"),
        new Option(Resolution.EXCHANGE, null),
        new Option(Resolution.STORE_CREDIT,
            portal.givesStoreCredit(order) ? null : "resolution.STORE_CREDIT.unavailable"));
  }
}
