package io.openrma.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.openrma.orders.Eligibility.LineVerdict;
import io.openrma.orders.Order;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.ReturnPhotos;
import io.openrma.returns.ReturnReason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Choose items": every line of the order, what may still be returned of it or why nothing may, a reason and
 * the condition per chosen line, a comment. Lines the order does not allow are refused here however they are
 * posted (and again by the returns record). A chosen reason that needs them (defective, damaged, wrong item)
 * brings the page back once with a field for up to five photos ({@link PortalPhotos}), which works without
 * JavaScript; the form is {@code multipart/form-data} for that.
 */
@Controller
class ItemsController {

  private static final int MAX_COMMENT = 500;

  private final PortalReturns portal;
  private final MessageSource messages;
  private final PortalPhotos photos;

  ItemsController(PortalReturns portal, MessageSource messages, PortalPhotos photos) {
    this.portal = portal;
    this.messages = messages;
    this.photos = photos;
  }

  @GetMapping("/returns/items")
  String items(HttpServletRequest request, Model model) {
    Wizard wizard = Wizard.of(request);
    Optional<Order> order = wizard == null ? Optional.empty() : portal.order(wizard);
    if (order.isEmpty()) {
      return "redirect:/returns";
    }
    ItemsForm form = new ItemsForm();
    List<LineVerdict> lines = portal.lines(order.get());
    for (int i = 0; i < lines.size(); i++) {
      ItemsForm.LineForm line = new ItemsForm.LineForm();
      Wizard.Choice chosen = wizard.choices.get(i);
      line.setQuantity(chosen == null ? 0 : chosen.quantity());
      line.setReason(chosen == null ? null : chosen.reason());
      line.setCondition(chosen == null ? ItemCondition.NEW : chosen.condition());
      form.getLines().add(line);
    }
    form.setComment(wizard.comment);
    return page(model, wizard, order.get(), lines, form, null, wizard.wantsPhotos());
  }

  @PostMapping("/returns/items")
  String choose(@ModelAttribute("form") ItemsForm form, BindingResult binding,
      @RequestParam(name = "photos", required = false) List<MultipartFile> files, HttpServletRequest request,
      HttpServletResponse response, Model model, Locale locale) {
    Wizard wizard = Wizard.of(request);
    Optional<Order> order = wizard == null ? Optional.empty() : portal.order(wizard);
    if (order.isEmpty()) {
      return "redirect:/returns";
    }
    List<LineVerdict> lines = portal.lines(order.get());
    Problems problems = new Problems(messages, locale);
    wizard.choices.clear();
    for (int i = 0; i < form.getLines().size() && i < lines.size(); i++) {
      ItemsForm.LineForm posted = form.getLines().get(i);
      int quantity = posted.getQuantity() == null ? 0 : posted.getQuantity();
      boolean unreadable = binding.hasFieldErrors("lines[" + i + "].quantity");
      if (quantity == 0 && !unreadable) {
        continue;
      }
      LineVerdict verdict = lines.get(i);
      if (!verdict.eligible()) {
        problems.add("quantity-" + i, "items.error.notReturnable", verdict.line().title());
      } else if (unreadable || quantity < 0 || quantity > verdict.returnable()) {
        problems.add("quantity-" + i, "items.error.quantity", verdict.line().title(), verdict.returnable());
      } else if (posted.getReason() == null) {
        problems.add("reason-" + i, "items.error.reason", verdict.line().title());
      } else {
        ItemCondition condition = posted.getCondition() == null || !posted.getCondition().isReportable()
            ? ItemCondition.NEW
            : posted.getCondition();
        wizard.choices.put(i, new Wizard.Choice(verdict.line().lineItemId(), quantity, posted.getReason(),
            condition));
      }
    }
    String comment = form.getComment() == null ? "" : form.getComment().trim();
    if (problems.isEmpty() && wizard.choices.isEmpty()) {
      problems.add("quantity-" + firstEligible(lines), "items.error.nothingChosen");
    }
    if (comment.length() > MAX_COMMENT) {
      problems.add("comment", "items.error.commentTooLong", MAX_COMMENT);
    } else if (comment.isEmpty()
        && wizard.choices.values().stream().anyMatch(c -> c.reason() == ReturnReason.OTHER)) {
      problems.add("comment", "items.error.commentNeeded");
    }
    wizard.comment = comment;
    wizard.exchangeVariants.clear();
    wizard.changed();
    boolean wantsPhotos = wizard.wantsPhotos();
    if (wantsPhotos) {
      photos.add(wizard, files, problems);
    }
    if (!problems.isEmpty()) {
      wizard.choices.clear();
      response.setStatus(422);
      return page(model, wizard, order.get(), lines, form, problems, wantsPhotos);
    }
    return wantsPhotos && !form.isPhotosOffered() ? "redirect:/returns/items#photos" : "redirect:/returns/resolution";
  }

  private String page(Model model, Wizard wizard, Order order, List<LineVerdict> lines, ItemsForm form,
      Problems problems, boolean offerPhotos) {
    while (form.getLines().size() < lines.size()) {
      form.getLines().add(new ItemsForm.LineForm()); // lines not posted (disabled ones are not)
    }
    model.addAttribute("order", order);
    model.addAttribute("lines", lines);
    model.addAttribute("form", form);
    model.addAttribute("problems", problems);
    model.addAttribute("offerPhotos", offerPhotos);
    model.addAttribute("photos", offerPhotos ? photos.staged(wizard) : List.of());
    model.addAttribute("maxPhotos", ReturnPhotos.MAX_PHOTOS);
    model.addAttribute("reasons", ReturnReason.values());
    model.addAttribute("conditions", Arrays.stream(ItemCondition.values()).filter(ItemCondition::isReportable)
        .toList());
    model.addAttribute("earlier", portal.earlierReturns(order));
    model.addAttribute("anyEligible", lines.stream().anyMatch(LineVerdict::eligible));
    return "portal/items";
  }

  private static int firstEligible(List<LineVerdict> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).eligible()) {
        return i;
      }
    }
    return 0;
  }
}
