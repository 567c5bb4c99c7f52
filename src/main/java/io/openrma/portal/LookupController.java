package io.openrma.portal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.openrma.orders.Order;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Find your order": order number and the email or postal code it was placed with. A wrong pair answers
 * exactly as an unknown order; lookups are throttled per address and per order number.
 */
@Controller
class LookupController {

  private final PortalReturns portal;
  private final LookupThrottle throttle;
  private final MessageSource messages;

  LookupController(PortalReturns portal, LookupThrottle throttle, MessageSource messages) {
    this.portal = portal;
    this.throttle = throttle;
    this.messages = messages;
  }

  @GetMapping("/returns")
  String form(Model model) {
    return "portal/lookup";
  }

  @PostMapping("/returns")
  String lookup(@RequestParam(defaultValue = "") String orderNumber, @RequestParam(defaultValue = "") String proof,
      HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
    model.addAttribute("orderNumber", orderNumber);
    model.addAttribute("proof", proof);
    Problems problems = new Problems(messages, locale);
    if (orderNumber.isBlank()) {
      problems.add("orderNumber", "lookup.error.orderNumber");
    }
    if (proof.isBlank()) {
      problems.add("proof", "lookup.error.proof");
    }
    if (!problems.isEmpty()) {
      return refused(model, response, problems, 422);
    }
    Optional<Duration> wait = throttle.lookup(request.getRemoteAddr(), orderNumber);
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toNanosPart() > 0 ? 1 : 0));
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      problems.add("orderNumber", "lookup.error.tooMany", seconds);
      return refused(model, response, problems, 429);
    }
    Optional<Order> order = portal.find(orderNumber, proof);
    if (order.isEmpty()) {
      problems.add("orderNumber", "lookup.error.notFound");
      return refused(model, response, problems, 200);
    }
    String email = order.get().customer().email();
    Wizard.start(request, order.get().orderNumber(), email == null || email.isBlank() ? proof.trim() : email);
    return "redirect:/returns/items";
  }

  private static String refused(Model model, HttpServletResponse response, Problems problems, int status) {
    response.setStatus(status);
    model.addAttribute("problems", problems);
    return "portal/lookup";
  }
}
