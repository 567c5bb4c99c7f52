package io.openrma.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.openrma.support.Jobs;
import io.openrma.support.LiveReturns;
import io.openrma.support.MutableClock;
import io.openrma.support.OpsServers;
import io.openrma.support.OpsTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The daily report as it runs in production, at a fixed time: the morning timer fires, yesterday's
 * figures are computed from returns that went through the real lifecycle, and they arrive by email
 * (GreenMail, HTML with the CSV attached, one email per recipient) and in Slack (WireMock).
 * The report's data lies in February 2026, before every other operations test's data.
 */
@OpsTest
class DailyReturnsReportTest {

  static final LocalDate DAY = LocalDate.of(2026, 2, 10);
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  MutableClock clock;
  @Autowired
  ReportSettings settings;
  LiveReturns lifecycle;

  @BeforeEach
  void setUp() {
    lifecycle = new LiveReturns(port, new Jobs(engine));
  }

  @Test
  void theMorningReportSendsYesterdaysFiguresByEmailWithCsvAndToSlack() throws Exception {
    // waiting for its parcel since 20 January: over the 14-day SLA on 11 February
    clock.set(Instant.parse("2026-01-20T09:00:00Z"));
    String overdue = create("report-overdue", "DOES_NOT_FIT");
    lifecycle.jobs().runDue(overdue);
    // requested on 9 February, refunded (and closed) on the 10th
    clock.set(Instant.parse("2026-02-09T12:00:00Z"));
    String refunded = create("report-refunded", "DOES_NOT_FIT");
    lifecycle.jobs().runDue(refunded);
    clock.set(Instant.parse("2026-02-10T08:00:00Z"));
    lifecycle.arrive(refunded, clock.instant());
    clock.set(Instant.parse("2026-02-10T11:00:00Z"));
    lifecycle.inspect(refunded, "OPENED", "RESTOCK");
    lifecycle.jobs().runDue(refunded);
    // requested on the 10th
    clock.set(Instant.parse("2026-02-10T09:00:00Z"));
    String fits = create("report-new-1", "DOES_NOT_FIT");
    clock.set(Instant.parse("2026-02-10T10:00:00Z"));
    String defective = create("report-new-2", "DEFECTIVE");
    lifecycle.jobs().runDue(fits);
    lifecycle.jobs().runDue(defective);
    assertThat(lifecycle.status(refunded)).isEqualTo("CLOSED");
    assertThat(lifecycle.status(overdue)).isEqualTo("LABEL_ISSUED");

    clock.set(Instant.parse("2026-02-11T07:00:00Z"));
    String instance = fireTimerAndRunReport();

    HistoricProcessInstance finished = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instance).singleResult();
    assertThat(finished.getState()).isEqualTo("COMPLETED");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName(DailyReportProcess.VAR_REPORT_DATE).singleResult().getValue()).isEqualTo("2026-02-10");

    // email: one per recipient, fixed Message-ID, HTML and text, the CSV attached
    List<MimeMessage> emails = reportEmails("Returns report 2026-02-10:");
    assertThat(emails).extracting(m -> m.getRecipients(Message.RecipientType.TO)[0].toString())
        .containsExactlyInAnyOrder(OpsServers.REPORT_TO, OpsServers.REPORT_CC);
    MimeMessage email = emails.get(0);
    assertThat(email.getSubject()).startsWith("Returns report 2026-02-10: 2 new, 1 refunded, ");
    assertThat(email.getMessageID()).matches("<daily-returns-report\\.2026-02-10\\.[0-9a-f]{12}@openrma>");
    assertThat(emails.get(1).getMessageID()).isNotEqualTo(email.getMessageID());
    String html = part(email, "text/html");
    assertThat(html).contains("169.15 EUR", "29.85 EUR", "CLOSED 1", "Defective", "Does not fit", overdue)
        .doesNotContain("Jane", "@customers.example");
    assertThat(part(email, "text/plain")).contains("New returns                  2",
        "Refunds completed            1", "EUR: 1 refund(s), 169.15 EUR, restocking fees 29.85 EUR");

    Map<String, List<Map<String, String>>> csv = csvBySection(attachment(email, "returns-2026-02-10.csv"));
    assertThat(csv.get("NEW")).extracting(row -> row.get("rma_number")).containsExactly(fits, defective);
    assertThat(csv.get("NEW")).extracting(row -> row.get("reasons")).containsExactly("DOES_NOT_FIT", "DEFECTIVE");
    assertThat(csv.get("REFUNDED")).singleElement().satisfies(row -> {
      assertThat(row.get("rma_number")).isEqualTo(refunded);
      assertThat(row.get("currency")).isEqualTo("EUR");
      assertThat(row.get("refund_total")).isEqualTo("169.15");
      assertThat(row.get("restocking_fee")).isEqualTo("29.85");
      assertThat(row.get("refund_kind")).isEqualTo("payment");
      assertThat(row.get("refunded_at")).isEqualTo("2026-02-10T11:00:00Z");
    });
    List<String> overSla = csv.get("OVER_SLA").stream().map(row -> row.get("rma_number")).toList();
    assertThat(overSla).contains(overdue).doesNotContain(fits, defective, refunded);
    Map<String, String> overdueRow = csv.get("OVER_SLA").stream().filter(r -> r.get("rma_number").equals(overdue))
        .findFirst().orElseThrow();
    assertThat(overdueRow.get("status")).isEqualTo("LABEL_ISSUED");
    assertThat(overdueRow.get("waiting_since")).isEqualTo("2026-01-20T09:00:00Z");
    assertThat(overdueRow.get("waiting_hours")).isEqualTo(Long.toString(Duration.ofDays(21).plusHours(22).toHours()));
    assertThat(overdueRow.get("sla_hours")).isEqualTo("336");

    // Slack
    String slack = slackMessage("Returns report for 2026-02-10");
    assertThat(slack).contains("• New returns: 2\n", "• Refunds: 1 (169.15 EUR, restocking fees 29.85 EUR)\n",
        "• Ended: 1 (CLOSED 1)\n", "• Top reasons: Defective 1, Does not fit 1\n",
        "• Waiting longer than the SLA: " + overSla.size(), "LABEL_ISSUED", overdue);
  }

  @Test
  void startedByHandItReportsOnTheGivenDay() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(DailyReportProcess.KEY,
        Map.of(DailyReportProcess.VAR_REPORT_DATE, "2026-02-09"));
    Job compute = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    engine.getManagementService().executeJob(compute.getId());

    JsonNode report = readJson(engine.getRuntimeService().getVariable(instance.getId(),
        DailyReportProcess.VAR_DAILY_REPORT).toString());
    assertThat(report.get("day").asText()).isEqualTo("2026-02-09");
    assertThat(report.get("from").asText()).isEqualTo("2026-02-09T00:00:00Z");
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test done");
  }

  @Test
  void theTimerFollowsTheConfiguredCronAndAChangedScheduleFromTheNextReportOn() {
    assertThat(localTime(timerJob())).as("default 07:00, server time").isEqualTo("07:00");

    settings.setCron("0 30 6 * * ?");
    try {
      fireTimerAndDiscardReport();
      assertThat(localTime(timerJob())).as("read again when due").isEqualTo("06:30");
    } finally {
      settings.setCron("0 0 7 * * ?");
      fireTimerAndDiscardReport();
    }
    assertThat(localTime(timerJob())).isEqualTo("07:00");
  }

  // ------------------------------------------------------------------------------------------ helpers

  private String create(String customer, String reason) {
    Map<String, Object> request = new HashMap<>(LiveReturns.openedElectronics(customer + "-" + System.nanoTime(),
        "pi_report", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    if (!"DOES_NOT_FIT".equals(reason)) {
      request.put("lines", List.of(Map.of("sku", "HEADPHONES-1", "description", "Headphones", "category", "ELECTRONICS",
          "quantityOrdered", 1, "quantityReturned", 1, "unitPrice", 19900, "reason", reason)));
    }
    return lifecycle.create(request);
  }

  private Job timerJob() {
    return engine.getManagementService().createJobQuery().processDefinitionKey(DailyReportProcess.KEY).timers()
        .singleResult();
  }

  private static String localTime(Job job) {
    LocalDateTime due = LocalDateTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault());
    return String.format("%02d:%02d", due.getHour(), due.getMinute());
  }

  /** Fires the timer as the job executor would, then runs the new report's steps; returns its instance id. */
  private String fireTimerAndRunReport() {
    String instance = fireTimer();
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance).list();
      if (jobs.isEmpty()) {
        return instance;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("The report did not finish");
  }

  private void fireTimerAndDiscardReport() {
    engine.getRuntimeService().deleteProcessInstance(fireTimer(), "schedule test", true);
  }

  private String fireTimer() {
    Set<String> before = running();
    engine.getManagementService().executeJob(timerJob().getId());
    Set<String> started = running();
    started.removeAll(before);
    assertThat(started).as("one report started by the timer").hasSize(1);
    return started.iterator().next();
  }

  private Set<String> running() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(DailyReportProcess.KEY).list()
        .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
  }

  private static List<MimeMessage> reportEmails(String subjectPrefix) throws MessagingException {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : OpsServers.mail().getReceivedMessages()) {
      if (message.getSubject().startsWith(subjectPrefix)) {
        found.add(message);
      }
    }
    return found;
  }

  private static String slackMessage(String containing) {
    List<String> texts = OpsServers.http().getAllServeEvents().stream().map(ServeEvent::getRequest)
        .filter(r -> r.getUrl().equals(OpsServers.SLACK_PATH))
        .map(r -> readJson(r.getBodyAsString()).get("text").asText())
        .filter(text -> text.contains(containing))
        .toList();
    assertThat(texts).as("Slack messages with '" + containing + "'").hasSize(1);
    return texts.get(0);
  }

  /** The first body part of this type, anywhere in the MIME tree. */
  private static String part(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return part.getContent().toString();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = part(multipart.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String attachment(Part part, String fileName) throws MessagingException, IOException {
    if (fileName.equals(part.getFileName())) {
      assertThat(part.getContentType()).startsWith("text/csv");
      try (InputStream in = part.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String found = attachment(child, fileName);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Map<String, List<Map<String, String>>> csvBySection(String csv) {
    assertThat(csv).as("CSV attachment").isNotNull();
    String[] lines = csv.split("\r\n");
    List<String> header = List.of(lines[0].split(",", -1));
    assertThat(header).isEqualTo(DailyReportMessages.CSV_COLUMNS);
    Map<String, List<Map<String, String>>> sections = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] values = lines[i].split(",", -1);
      assertThat(values).hasSize(header.size());
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), values[c]);
      }
      sections.computeIfAbsent(row.get("section"), key -> new ArrayList<>()).add(row);
    }
    return sections;
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
