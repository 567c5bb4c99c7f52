package io.openrma.process;

import static io.openrma.returns.ItemCategory.ELECTRONICS;
import static io.openrma.returns.ItemCondition.NEW;
import static io.openrma.returns.ReturnReason.DOES_NOT_FIT;
import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.security.IdentityBootstrap;
import io.openrma.support.Http;
import io.openrma.support.LifecycleDriver;
import io.openrma.support.WebAppTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a group user sees on Tasklist's cards, read through their own filter as Tasklist reads it: each
 * task names its return and items, carries its due date from {@code openrma.sla.*}, and the oldest comes
 * first; nothing depends on process variables, which group users may not read.
 */
@WebAppTest
class TasklistCardsTest {

  /** Tasklist's own default sorting, which it sends with every list request. */
  private static final Map<String, Object> TASKLIST_SORTING = Map.of("sorting",
      List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
  private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  LifecycleDriver lifecycle;
  @Autowired
  SlaSettings sla;
  @Autowired
  IdentityBootstrap bootstrap;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void theWarehouseCardNamesTheReturnAndItsItemsAndIsDueAfterTheInspectionSla() {
    String rma = lifecycle.create(aReturn().build());
    toInspection(rma);

    JsonNode card = card(listAs("walt", "Warehouse"), rma);
    assertThat(card.path("name").asText()).isEqualTo("Inspect returned items: " + rma + " (1 x T-shirt, size M)");
    assertThat(card.path("description").asText()).startsWith(rma).contains("1 x T-shirt, size M (Does not fit)")
        .contains("The warehouse grades each line");
    OffsetDateTime created = OffsetDateTime.parse(card.path("created").asText(), ENGINE_DATE);
    OffsetDateTime due = OffsetDateTime.parse(card.path("due").asText(), ENGINE_DATE);
    assertThat(Duration.between(created, due)).isBetween(sla.getInspection().minusSeconds(5),
        sla.getInspection().plusSeconds(5));
  }

  @Test
  void customerServiceSeesTheReviewCardWithItsRmaAndADueDate() {
    String rma = lifecycle.create(aReturn().line("TV-55", ELECTRONICS, 1, 1, 89_900, 0, 14_355, DOES_NOT_FIT, NEW)
        .captured(105_000).build());

    JsonNode card = card(listAs("carl", "Customer service"), rma);
    assertThat(card.path("name").asText()).isEqualTo("Review return request: " + rma + " (1 x Item TV-55)");
    assertThat(card.path("due").isTextual()).as("due date of " + card).isTrue();
  }

  @Test
  void groupFiltersListTheOldestFirstAndNeedNoProcessVariables() {
    String older = lifecycle.create(aReturn().build());
    toInspection(older);
    String newer = lifecycle.create(aReturn().build());
    toInspection(newer);

    JsonNode list = listAs("walt", "Warehouse");
    List<String> created = new ArrayList<>();
    list.forEach(task -> created.add(task.path("created").asText()));
    assertThat(created).isSortedAccordingTo((a, b) -> OffsetDateTime.parse(a, ENGINE_DATE)
        .compareTo(OffsetDateTime.parse(b, ENGINE_DATE)));
    assertThat(positionOf(list, older)).isLessThan(positionOf(list, newer));
    for (String group : List.of("Customer service", "Warehouse", "Finance")) {
      assertThat(filter(group).getProperties()).as("filter of " + group).doesNotContainKey("variables");
    }
  }

  @Test
  void aGroupFilterOfAnEarlierVersionIsBroughtUpToDateOnTheNextStart() {
    Filter warehouse = filter("Warehouse");
    Map<String, Object> old = new LinkedHashMap<>(warehouse.getProperties());
    old.put("variables", List.of(Map.of("name", "rmaNumber", "label", "RMA")));
    engine.getFilterService().saveFilter(warehouse.setProperties(old).setQuery(engine.getTaskService()
        .createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()));

    bootstrap.postProcessEngineBuild(engine);

    Filter updated = filter("Warehouse");
    assertThat(updated.getId()).isEqualTo(warehouse.getId());
    assertThat(updated.getProperties()).doesNotContainKey("variables");
    assertThat(((TaskQueryImpl) updated.getQuery()).getOrderingProperties())
        .extracting(ordering -> ordering.getQueryProperty().getName(), ordering -> ordering.getDirection().getName())
        .containsExactly(tuple("CREATE_TIME_", "asc"));
  }

  private void toInspection(String rma) {
    lifecycle.runJobs(rma);
    lifecycle.pickedUp(rma, "pickup-" + rma);
    lifecycle.arrived(rma, "scan-" + rma);
  }

  private JsonNode listAs(String user, String group) {
    Http.Response list = http.as(user).post("/engine-rest/filter/" + filter(group).getId() + "/list",
        TASKLIST_SORTING);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.json();
  }

  private Filter filter(String group) {
    return engine.getFilterService().createFilterQuery()
        .filterName(IdentityBootstrap.FILTER_NAME_PREFIX + " (" + group + ")").singleResult();
  }

  private static JsonNode card(JsonNode list, String rma) {
    for (JsonNode task : list) {
      if (task.path("name").asText().contains(rma)) {
        return task;
      }
    }
    throw new AssertionError("no card names " + rma + " in " + list);
  }

  private static int positionOf(JsonNode list, String rma) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).path("name").asText().contains(rma)) {
        return i;
      }
    }
    throw new AssertionError("no card names " + rma);
  }
}
