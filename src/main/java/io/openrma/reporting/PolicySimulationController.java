package io.openrma.reporting;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

import io.openrma.policy.PolicySimulation.Change;
import io.openrma.system.ApiProblems.InvalidRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/policy/simulations} (analysts, admins): a draft of {@code return-policy.dmn}, as a file
 * ({@code multipart/form-data}, part {@code draft}) or as the body ({@code application/xml}), tried on the
 * decisions of a period (default the last 90 days, {@code from}/{@code to} inclusive) and optionally one
 * {@code reason}, {@code category} or {@code channel}. JSON, or with {@code format=csv} the changed returns as CSV.
 */
@RestController
@RequestMapping("/api/policy/simulations")
class PolicySimulationController {

  static final MediaType CSV = MediaType.parseMediaType("text/csv");
  static final String CSV_DISPOSITION = "attachment; filename=\"policy-simulation-changes.csv\"";

  private final PolicySimulations simulations;
  private final Clock clock;

  PolicySimulationController(PolicySimulations simulations, Clock clock) {
    this.simulations = simulations;
    this.clock = clock;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> upload(@RequestPart("draft") MultipartFile draft, @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String category, @RequestParam(required = false) String channel,
      @RequestParam(required = false) String format) throws IOException {
    String name = draft.getOriginalFilename() == null ? "draft.dmn" : draft.getOriginalFilename();
    return answer(name, draft.getBytes(), from, to, reason, category, channel, format);
  }

  @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  ResponseEntity<?> body(@RequestBody byte[] draft, @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String category, @RequestParam(required = false) String channel,
      @RequestParam(required = false) String format) {
    return answer("draft.dmn", draft, from, to, reason, category, channel, format);
  }

  private ResponseEntity<?> answer(String name, byte[] draft, LocalDate from, LocalDate to, String reason,
      String category, String channel, String format) {
    PolicySimulations.Answer answer = simulations.simulate(name, draft,
        query(draft, from, to, reason, category, channel, clock));
    if ("csv".equalsIgnoreCase(format)) {
      return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION, CSV_DISPOSITION)
          .body(csv(answer));
    }
    return ResponseEntity.ok(answer);
  }

  /**
   * The period and filters asked for, checked; shared with the analysts' page. The period defaults to the last 90
   * days up to today, both ends inclusive.
   */
  static PolicySimulations.Query query(byte[] draft, LocalDate from, LocalDate to, String reason, String category,
      String channel, Clock clock) {
    if (draft == null || draft.length == 0) {
      throw new InvalidRequest("draft", "is empty: send the changed return-policy.dmn");
    }
    LocalDate last = to == null ? LocalDate.now(clock) : to;
    LocalDate first = from == null ? last.minusDays(89) : from;
    if (first.isAfter(last)) {
      throw new InvalidRequest("from", "must not be after to (" + last + ")");
    }
    return new PolicySimulations.Query(first.atStartOfDay().toInstant(ZoneOffset.UTC),
        last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), blank(reason), blank(category), blank(channel));
  }

  /** One line per changed return, its inputs as name=value pairs. */
  static String csv(PolicySimulations.Answer answer) {
    StringBuilder csv = new StringBuilder("rma_number,outcome_then,outcome_now,rule_then,rule_now,fee_then,fee_now,"
        + "inputs\r\n");
    for (Change c : answer.result().changed()) {
      csv.append(c.rmaNumber()).append(',').append(c.outcomeThen()).append(',').append(c.outcomeNow()).append(',')
          .append(c.ruleThen() == null ? "" : c.ruleThen()).append(',').append(c.ruleNow() == null ? "" : c.ruleNow())
          .append(',').append(c.feeThen()).append(',').append(c.feeNow()).append(',')
          .append(quoted(c.inputs().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; "))))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
