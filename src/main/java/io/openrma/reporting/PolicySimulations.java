package io.openrma.reporting;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.policy.PolicySimulation;
import io.openrma.policy.PolicySimulation.Outcome;
import io.openrma.policy.PolicySimulation.Recorded;
import io.openrma.process.ProcessIds;
import io.openrma.security.DeploymentGuard;
import io.openrma.system.ApiProblems.InvalidRequest;
import io.openrma.system.ApiProblems.Violation;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tries a draft of the return policy before it is published: the recorded decisions of a period (the inputs
 * kept with every return, see {@code PolicyDecision}), optionally only of one reason, category or channel,
 * replayed with {@link PolicySimulation}. The draft passes the same guard as an analyst's deployment first
 * (FEEL only, no scripts, no method calls). Nothing is deployed: the live table stays what the Modeler published.
 */
@Service
public class PolicySimulations {

  /** What was asked: the period and the filters. */
  public record Query(Instant from, Instant to, String reason, String category, String channel) {
  }

  /**
   * The answer: the simulation's figures, which table is live since when, what was asked, and the currencies of
   * the replayed returns (the money figures add up amounts of all of them).
   */
  public record Answer(Query query, Live live, PolicySimulation.Result result, List<String> currencies) {
  }

  /** The live table: its version and when that version was deployed. */
  public record Live(int version, Instant since) {
  }

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };

  private final JdbcClient jdbc;
  private final RepositoryService repository;
  private final ObjectMapper json;

  PolicySimulations(JdbcClient jdbc, RepositoryService repository, ObjectMapper json) {
    this.jdbc = jdbc;
    this.repository = repository;
    this.json = json;
  }

  @Transactional(readOnly = true)
  public Answer simulate(String fileName, byte[] draft, Query query) {
    List<String> problems = DeploymentGuard.problems(fileName, draft);
    if (!problems.isEmpty()) {
      throw new InvalidRequest(problems.stream().map(p -> new Violation("draft", p)).toList());
    }
    PolicySimulation simulation;
    try {
      simulation = new PolicySimulation(draft, ProcessIds.RETURN_POLICY);
    } catch (PolicySimulation.InvalidDraft e) {
      throw new InvalidRequest("draft", e.getMessage());
    }
    List<Recorded> recorded = recorded(query);
    long days = Math.max(1, Duration.between(query.from(), query.to()).toDays());
    List<String> currencies = recorded.stream().map(Recorded::currency).filter(c -> c != null).map(String::trim)
        .distinct().sorted().toList();
    return new Answer(query, live(), simulation.run(recorded, days), currencies);
  }

  private Live live() {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ProcessIds.RETURN_POLICY).latestVersion().singleResult();
    if (definition == null) {
      return null;
    }
    Instant since = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult()
        .getDeploymentTime().toInstant();
    return new Live(definition.getVersion(), since);
  }

  /** The recorded decisions of the period, oldest first, with the filters applied. */
  List<Recorded> recorded(Query query) {
    String sql = "SELECT r.rma_number, r.shipping_paid, r.currency, d.inputs, d.outputs, d.rule_row "
        + "FROM rma_policy_decision d JOIN rma_return r ON r.id = d.return_id "
        + "WHERE d.decided_at >= :from AND d.decided_at < :to"
        + (query.channel() == null ? "" : " AND r.channel = :channel") + " ORDER BY d.decided_at, r.id";
    var statement = jdbc.sql(sql).param("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC))
        .param("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
    if (query.channel() != null) {
      statement = statement.param("channel", query.channel());
    }
    List<Recorded> recorded = new ArrayList<>();
    statement.query((rs, n) -> {
      Map<String, Object> inputs = read(rs.getString("inputs"));
      Map<String, Object> outputs = rs.getString("outputs") == null ? null : read(rs.getString("outputs"));
      Integer row = (Integer) rs.getObject("rule_row");
      return new Recorded(rs.getString("rma_number"), inputs, outcome(outputs), row, rs.getLong("shipping_paid"),
          rs.getString("currency"));
    }).list().stream()
        .filter(r -> query.reason() == null || query.reason().equals(r.inputs().get("returnReason")))
        .filter(r -> query.category() == null || query.category().equals(r.inputs().get("itemCategory")))
        .forEach(recorded::add);
    return recorded;
  }

  /** What the live table answered; no rule matched: the lifecycle sent the return to a person. */
  private static Outcome outcome(Map<String, Object> outputs) {
    if (outputs == null) {
      return new Outcome("REVIEW", 0, false, false);
    }
    return new Outcome(String.valueOf(outputs.get("decision")), outputs.get("restockingFeePercent") instanceof Number n
        ? n.intValue()
        : 0, Boolean.TRUE.equals(outputs.get("keepItem")),
        Boolean.TRUE.equals(outputs.get("refundShipping")));
  }

  private Map<String, Object> read(String text) {
    try {
      return text == null ? Map.of() : new LinkedHashMap<>(json.readValue(text, MAP));
    } catch (IOException e) {
      throw new IllegalStateException("a recorded policy decision is not JSON: " + text, e);
    }
  }
}
