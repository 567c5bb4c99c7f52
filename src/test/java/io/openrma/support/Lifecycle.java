package io.openrma.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openrma.process.ProcessIds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives returns through their lifecycle the way people and partners do: created over the API by
 * customer service, jobs executed as the job executor would, the parcel scanned by the warehouse,
 * the inspection completed.
 */
public final class Lifecycle {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final Http http;

  public Lifecycle(ProcessEngine engine, int port) {
    this.engine = engine;
    this.http = new Http(port);
  }

  /**
   * A request the return policy approves automatically with a 15 % restocking fee (opened electronics,
   * does not fit), delivered five days before {@code today}: 199.00 EUR, refund 169.15 EUR. Use a new
   * {@code customerId} per return.
   */
  public static Map<String, Object> openedElectronics(String customerId, String paymentIntentId, LocalDate today) {
    return Map.of(
        "order", Map.of("orderId", "SO-" + customerId, "orderDate", today.minusDays(8).toString(),
            "deliveryDate", today.minusDays(5).toString(), "currency", "EUR", "amountCaptured", 19900,
            "paymentIntentId", paymentIntentId),
        // a customer of their own: five returns of one customer within a year go to review ("frequent returner")
        "customer", Map.of("customerId", customerId, "name", "Jane Doe", "email", customerId + "@customers.example",
            "address", Map.of("line1", "Main St 1", "city", "Berlin", "postalCode", "10115", "country", "DE")),
        "lines", List.of(Map.of("sku", "HEADPHONES-1", "description", "Headphones", "category", "ELECTRONICS",
            "quantityOrdered", 1, "quantityReturned", 1, "unitPrice", 19900, "reason", "DOES_NOT_FIT",
            "condition", "OPENED")));
  }

  /** Creates the return as carl (customer service); returns its RMA number. */
  public String create(Map<String, Object> request) {
    Http.Response response = http.as("carl").post("/api/returns", request);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("rmaNumber").asText();
  }

  public String status(String rmaNumber) {
    return http.as("admin").get("/api/returns/" + rmaNumber).json().get("status").asText();
  }

  public String processInstanceId(String rmaNumber) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessIds.RMA_LIFECYCLE).processInstanceBusinessKey(rmaNumber).singleResult();
    assertThat(instance).as("running lifecycle of " + rmaNumber).isNotNull();
    return instance.getId();
  }

  /** Executes the due jobs of the return's lifecycle until it waits for something else; returns how many ran. */
  public int runJobs(String rmaNumber) {
    int executed = 0;
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery()
          .processDefinitionKey(ProcessIds.RMA_LIFECYCLE).executable().list().stream()
          .filter(job -> isOf(job, rmaNumber)).toList();
      if (jobs.isEmpty()) {
        return executed;
      }
      engine.getManagementService().executeJob(jobs.get(0).getId());
      executed++;
    }
    throw new AssertionError(rmaNumber + " still has jobs after 50 executions");
  }

  private boolean isOf(Job job, String rmaNumber) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(job.getProcessInstanceId()).singleResult();
    return instance != null && rmaNumber.equals(instance.getBusinessKey());
  }

  /** The warehouse scans the parcel (as walt). */
  public void arrive(String rmaNumber, Instant scannedAt) {
    Http.Response response = http.as("walt").post("/api/warehouse/arrivals",
        Map.of("scanId", "SCAN-" + rmaNumber, "rmaNumber", rmaNumber, "scannedAt", scannedAt.toString()));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  /** Completes "Inspect returned items" with every line received in this condition and disposition. */
  public void inspect(String rmaNumber, String condition, String disposition) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(rmaNumber)
        .taskDefinitionKey(ProcessIds.TASK_INSPECT).singleResult();
    assertThat(task).as("inspection task of " + rmaNumber).isNotNull();
    Object lines = engine.getTaskService().getVariable(task.getId(), ProcessIds.VAR_INSPECTION_LINES);
    try {
      ArrayNode graded = (ArrayNode) JSON.readTree(lines.toString());
      for (JsonNode line : graded) {
        ((ObjectNode) line).put("condition", condition).put("disposition", disposition);
      }
      engine.getTaskService().claim(task.getId(), "walt");
      engine.getTaskService().complete(task.getId(), Map.of(ProcessIds.VAR_INSPECTION_LINES, graded.toString()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
