package io.openrma.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.openrma.process.SlaSettings;
import io.openrma.returns.ReturnRecord;
import io.openrma.system.ApiProblems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Where is my return", reached with a signed link ({@link StatusLinks}): the journey, the label once bought
 * with packing instructions, the return address and the tracking number's QR code, and Cancel while the parcel
 * has not arrived. A link that is altered or expired shows nothing of any return.
 */
@Controller
class StatusController {

  private final PortalReturns portal;
  private final StatusLinks links;
  private final PortalProperties properties;
  private final SlaSettings sla;

  StatusController(PortalReturns portal, StatusLinks links, PortalProperties properties, SlaSettings sla) {
    this.portal = portal;
    this.links = links;
    this.properties = properties;
    this.sla = sla;
  }

  /**
   * When the team's part of the current step is due: a review within {@code openrma.sla.review-return}, the
   * inspection within {@code openrma.sla.inspection} of the status' start; {@code null} while the customer or the
   * carrier has the next move.
   */
  private Instant expectedBy(ReturnRecord r) {
    Duration allowed = switch (r.status()) {
      case UNDER_REVIEW -> sla.getReviewReturn();
      case RECEIVED -> sla.getInspection();
      default -> null;
    };
    return allowed == null ? null : portal.since(r).plus(allowed);
  }

  @GetMapping("/returns/status/{token}")
  String status(@PathVariable String token, Model model, HttpServletResponse response) {
    StatusLinks.Verdict verdict = links.check(token);
    Optional<ReturnRecord> record = verdict instanceof StatusLinks.Valid valid
        ? portal.find(valid.rmaNumber())
        : Optional.empty();
    if (record.isEmpty()) {
      return refused(verdict, model, response);
    }
    ReturnRecord r = record.get();
    model.addAttribute("record", r);
    model.addAttribute("token", token);
    model.addAttribute("journey", Journey.of(r.status()));
    model.addAttribute("labelReady", r.label() != null && portal.labelPdf(r) != null);
    model.addAttribute("expectedBy", expectedBy(r));
    model.addAttribute("htmx", true); // the journey refreshes itself while the page is open
    model.addAttribute("returnAddress", properties.returnAddress() == null || properties.returnAddress().isEmpty()
        ? null
        : properties.returnAddress());
    return "portal/status";
  }

  @PostMapping("/returns/status/{token}/cancel")
  String cancel(@PathVariable String token, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    StatusLinks.Verdict verdict = links.check(token);
    if (!(verdict instanceof StatusLinks.Valid valid) || portal.find(valid.rmaNumber()).isEmpty()) {
      return refused(verdict, model, response);
    }
    try {
      portal.cancel(valid.rmaNumber());
      redirect.addFlashAttribute("cancelled", true);
    } catch (ApiProblems.Conflict tooLate) {
      redirect.addFlashAttribute("cancelRefused", true);
    }
    return "redirect:/returns/status/" + token;
  }

  @GetMapping("/returns/status/{token}/label.pdf")
  Object label(@PathVariable String token, Model model, HttpServletResponse response) {
    Optional<ReturnRecord> record = links.rmaNumber(token).flatMap(portal::find);
    byte[] pdf = record.map(portal::labelPdf).orElse(null);
    if (pdf == null) {
      return refused(links.check(token), model, response);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(record.get().rmaNumber() + "-label.pdf").build().toString())
        .body(pdf);
  }

  private static String refused(StatusLinks.Verdict verdict, Model model, HttpServletResponse response) {
    boolean expired = verdict instanceof StatusLinks.Expired;
    response.setStatus(expired ? 410 : 404);
    model.addAttribute("expired", expired);
    return "portal/link";
  }
}
