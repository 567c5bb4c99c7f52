package io.openrma.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.openrma.orders.Order;
import io.openrma.returns.Resolution;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Which one would you like instead?": for an exchange, per chosen line whose source offers other variants of its
 * product (a Shopify store; the demo shop's sizes), the variant the customer gets. Only a variant offered for that
 * line is taken; anything else, or nothing, brings the page back with the error at its field and nothing kept.
 */
@Controller
class ExchangeController {

  private final PortalReturns portal;
  private final MessageSource messages;

  ExchangeController(PortalReturns portal, MessageSource messages) {
    this.portal = portal;
    this.messages = messages;
  }

  /** One line to choose for: its position in the order, its title, the variants offered, the one chosen. */
  record LineChoice(int index, String title, List<Order.Variant> variants, String selected) {
  }

  @GetMapping("/returns/exchange")
  String choices(HttpServletRequest request, Model model) {
    Wizard wizard = Wizard.of(request);
    Optional<Order> order = exchanging(wizard) ? portal.order(wizard) : Optional.empty();
    Map<Integer, List<Order.Variant>> offered = order.map(o -> portal.exchangeVariants(o, wizard)).orElse(Map.of());
    if (offered.isEmpty()) {
      return back(wizard);
    }
    return page(model, order.get(), wizard, offered, wizard.exchangeVariants, null);
  }

  @PostMapping("/returns/exchange")
  String choose(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
      Model model, Locale locale) {
    Wizard wizard = Wizard.of(request);
    Optional<Order> order = exchanging(wizard) ? portal.order(wizard) : Optional.empty();
    Map<Integer, List<Order.Variant>> offered = order.map(o -> portal.exchangeVariants(o, wizard)).orElse(Map.of());
    if (offered.isEmpty()) {
      return back(wizard);
    }
    Problems problems = new Problems(messages, locale);
    Map<Integer, String> chosen = new LinkedHashMap<>();
    offered.forEach((index, variants) -> {
      String variant = form.getOrDefault("variants[" + index + "]", "").trim();
      String title = title(order.get(), wizard, index);
      if (variant.isEmpty()) {
        problems.add("variant-" + index, "exchange.error.missing", title);
      } else if (variants.stream().noneMatch(v -> v.id().equals(variant))) {
        problems.add("variant-" + index, "exchange.error.notOffered", title);
      } else {
        chosen.put(index, variant);
      }
    });
    wizard.exchangeVariants.clear();
    wizard.changed();
    if (!problems.isEmpty()) {
      response.setStatus(422);
      return page(model, order.get(), wizard, offered, chosen, problems);
    }
    wizard.exchangeVariants.putAll(chosen);
    return "redirect:/returns/review";
  }

  private String page(Model model, Order order, Wizard wizard, Map<Integer, List<Order.Variant>> offered,
      Map<Integer, String> selected, Problems problems) {
    List<LineChoice> lines = new ArrayList<>();
    offered.forEach((index, variants) -> lines.add(new LineChoice(index, title(order, wizard, index), variants,
        selected.get(index))));
    model.addAttribute("lines", lines);
    model.addAttribute("problems", problems);
    return "portal/exchange";
  }

  private static String title(Order order, Wizard wizard, int index) {
    return order.line(wizard.choices.get(index).lineItemId()).map(Order.Line::title).orElse("");
  }

  private static boolean exchanging(Wizard wizard) {
    return wizard != null && wizard.hasChoices() && wizard.resolution == Resolution.EXCHANGE;
  }

  private static String back(Wizard wizard) {
    if (wizard == null) {
      return "redirect:/returns";
    }
    if (!wizard.hasChoices()) {
      return "redirect:/returns/items";
    }
    return wizard.resolution == Resolution.EXCHANGE ? "redirect:/returns/review" : "redirect:/returns/resolution";
  }
}
