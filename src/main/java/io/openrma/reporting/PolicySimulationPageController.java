package io.openrma.reporting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.openrma.system.ApiProblems.InvalidRequest;
import io.openrma.system.ApiProblems.Violation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The analysts' page for {@link PolicySimulations} ({@code /analysts/policy-simulation}, security in
 * {@code WebSecurityConfig}): upload a draft, pick the period, see the figures; the second button downloads the
 * changed returns as the API's CSV. A refused draft shows the guard's reasons on the page, with the form kept.
 */
@Controller
@RequestMapping("/analysts/policy-simulation")
class PolicySimulationPageController {

  private static final String VIEW = "analysts/policy-simulation";

  private final PolicySimulations simulations;
  private final Clock clock;

  PolicySimulationPageController(PolicySimulations simulations, Clock clock) {
    this.simulations = simulations;
    this.clock = clock;
  }

  @GetMapping
  ModelAndView form() {
    LocalDate today = LocalDate.now(clock);
    return page(new Form(today.minusDays(89).toString(), today.toString(), "", "", ""), null, List.of());
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ModelAndView simulate(@RequestParam(required = false) MultipartFile draft, Form form,
      @RequestParam(required = false) String format, HttpServletResponse response) throws IOException {
    try {
      byte[] bytes = draft == null ? null : draft.getBytes();
      String name = draft == null || draft.getOriginalFilename() == null || draft.getOriginalFilename().isBlank()
          ? "draft.dmn"
          : draft.getOriginalFilename();
      PolicySimulations.Answer answer = simulations.simulate(name, bytes, PolicySimulationController.query(bytes,
          date("from", form.from()), date("to", form.to()), form.reason(), form.category(), form.channel(), clock));
      if ("csv".equalsIgnoreCase(format)) {
        response.setContentType(PolicySimulationController.CSV + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, PolicySimulationController.CSV_DISPOSITION);
        response.getOutputStream().write(PolicySimulationController.csv(answer).getBytes(StandardCharsets.UTF_8));
        return null;
      }
      return page(form, PolicySimulationPage.of(answer), List.of());
    } catch (InvalidRequest e) {
      ModelAndView page = page(form, null, e.violations());
      page.setStatus(HttpStatus.BAD_REQUEST);
      return page;
    }
  }

  private static ModelAndView page(Form form, PolicySimulationPage result, List<Violation> problems) {
    ModelAndView page = new ModelAndView(VIEW);
    page.addObject("form", form);
    page.addObject("result", result);
    page.addObject("problems", problems);
    return page;
  }

  private static LocalDate date(String field, String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidRequest(field, "is not a date: write it as 2026-11-30");
    }
  }

  /** The form's fields as sent, shown again with the answer or the refusal. */
  record Form(String from, String to, String reason, String category, String channel) {
  }
}
