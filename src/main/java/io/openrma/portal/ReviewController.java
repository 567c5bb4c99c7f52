package io.openrma.portal;

import java.util.Optional;

import io.openrma.orders.Order;
import io.openrma.returns.ReturnRecord;
import io.openrma.system.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Review" (the estimated refund, line by line), the submit, and "Confirmation". The review's form carries a
 * one-time value; submitting it twice creates one return.
 */
@Controller
class ReviewController {

  private final PortalReturns portal;

  ReviewController(PortalReturns portal) {
    this.portal = portal;
  }

  @GetMapping("/returns/review")
  String review(HttpServletRequest request, Model model, RedirectAttributes redirect) {
    Wizard wizard = Wizard.of(request);
    Optional<Order> order = ready(wizard) ? portal.order(wizard) : Optional.empty();
    if (order.isEmpty()) {
      return back(wizard);
    }
    if (portal.needsVariants(order.get(), wizard)) {
      return "redirect:/returns/exchange";
    }
    try {
      model.addAttribute("estimate", portal.estimate(order.get(), wizard));
      model.addAttribute("exchanges", portal.chosenVariants(order.get(), wizard));
    } catch (ApiProblems.InvalidRequest | ApiProblems.NotFound noLongerPossible) {
      redirect.addFlashAttribute("changed", true);
      wizard.choices.clear();
      return "redirect:/returns/items";
    }
    model.addAttribute("order", order.get());
    model.addAttribute("nonce", wizard.nonce);
    model.addAttribute("comment", wizard.comment);
    return "portal/review";
  }

  @PostMapping("/returns/submit")
  String submit(@RequestParam(defaultValue = "") String nonce, HttpServletRequest request,
      RedirectAttributes redirect) {
    Wizard wizard = Wizard.of(request);
    if (wizard != null && wizard.submittedRma != null && !nonce.equals(wizard.nonce)) {
      return "redirect:/returns/confirmation";
    }
    Optional<Order> order = ready(wizard) && nonce.equals(wizard.nonce) ? portal.order(wizard) : Optional.empty();
    if (order.isEmpty()) {
      return back(wizard);
    }
    if (portal.needsVariants(order.get(), wizard)) {
      return "redirect:/returns/exchange";
    }
    try {
      ReturnRecord created = portal.submit(order.get(), wizard);
      wizard.submittedRma = created.rmaNumber();
    } catch (ApiProblems.InvalidRequest | ApiProblems.NotFound noLongerPossible) {
      redirect.addFlashAttribute("changed", true);
      wizard.choices.clear();
      return "redirect:/returns/items";
    }
    return "redirect:/returns/confirmation";
  }

  @GetMapping("/returns/confirmation")
  String confirmation(HttpServletRequest request, Model model) {
    Wizard wizard = Wizard.of(request);
    Optional<ReturnRecord> record = wizard == null || wizard.submittedRma == null
        ? Optional.empty()
        : portal.find(wizard.submittedRma);
    if (record.isEmpty()) {
      return "redirect:/returns";
    }
    model.addAttribute("record", record.get());
    model.addAttribute("token", portal.link(record.get().rmaNumber()));
    return "portal/confirmation";
  }

  private static boolean ready(Wizard wizard) {
    return wizard != null && wizard.hasChoices() && wizard.resolution != null;
  }

  private static String back(Wizard wizard) {
    if (wizard == null) {
      return "redirect:/returns";
    }
    return wizard.hasChoices() ? "redirect:/returns/resolution" : "redirect:/returns/items";
  }
}
