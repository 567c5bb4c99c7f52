package io.openrma.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.openrma.support.Http;
import io.openrma.support.TestBeans.Canary;
import io.openrma.support.WebAppTest;
import io.openrma.support.WebappSession;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each hardening point of the skeleton, as a request against the running app. Camunda 7.24.0
 * Community gets no more patches, so OpenRMA closes these itself.
 */
@WebAppTest
class EngineHardeningTest {

  private static final String CANARY = "${canary.fire()}";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  Canary canary;

  Http http;
  int firedBefore;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    firedBefore = canary.timesFired();
  }

  @AfterEach
  void canaryNeverSang() {
    assertThat(canary.timesFired()).as("the canary expression was evaluated").isEqualTo(firedBefore);
  }

  @Test
  void engineRestNeedsBasicAuthExceptForVersion() {
    assertThat(http.get("/engine-rest/version").status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/process-definition").status()).isEqualTo(401);
    assertThat(http.as("nobody", "nothing").get("/engine-rest/process-definition").status()).isEqualTo(401);
    assertThat(http.as("anna").get("/engine-rest/process-definition").status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/engine").status()).as("engine list, open by Camunda's design").isEqualTo(200);
    assertThat(http.get("/engine-rest/engine/default/process-definition").status()).isEqualTo(401);
  }

  @Test
  void aRememberedEngineRestCallerKeepsOwnGroupsAndAWrongPasswordStaysRefused() {
    for (int i = 0; i < 3; i++) {
      assertThat(http.as("carl").post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "x",
          "query", Map.of())).status()).as("carl is no admin, however often he calls").isEqualTo(403);
      assertThat(http.as("admin").get("/engine-rest/user?id=carl").status()).isEqualTo(200);
    }
    assertThat(http.as("carl", "carl-wrong").get("/engine-rest/process-definition").status())
        .as("a wrong password after a right one").isEqualTo(401);
    assertThat(http.as("carl", "carl").get("/engine-rest/process-definition").status()).isEqualTo(200);
  }

  @Test
  void adminSetupNeverCreatesAUserOnceUsersExist() {
    String body = "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"M\",\"email\":\"m@example.com\"},"
        + "\"credentials\":{\"password\":\"mallory\"}}";
    assertThat(http.post("/camunda/api/admin/setup/default/user/create", body).status()).isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().userId("mallory").count()).isZero();
  }

  @Test
  void adminSetupStaysClosedWhenTheAdminGroupIsEmpty() {
    // Camunda 7.24.0 itself only checks for members of camunda-admin (CVE-2026-77226)
    List<String> admins = engine.getIdentityService().createUserQuery().memberOfGroup(Groups.ADMIN).list()
        .stream().map(user -> user.getId()).toList();
    admins.forEach(id -> engine.getIdentityService().deleteMembership(id, Groups.ADMIN));
    try {
      String body = "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"mallory\"}}";
      assertThat(http.post("/camunda/api/admin/setup/default/user/create", body).status()).isEqualTo(403);
      assertThat(engine.getIdentityService().createUserQuery().userId("mallory").count()).isZero();
    } finally {
      admins.forEach(id -> engine.getIdentityService().createMembership(id, Groups.ADMIN));
    }
  }

  @Test
  void adHocQueryExpressionsAreRefusedOnEngineRest() {
    Http carl = http.as("carl");
    assertThat(carl.get("/engine-rest/task?assigneeExpression=" + encoded(CANARY)).status()).isEqualTo(400);
    assertThat(carl.post("/engine-rest/task", Map.of("candidateGroupExpression", CANARY)).status()).isEqualTo(400);
    assertThat(carl.post("/engine-rest/task/count", Map.of("orQueries", List.of(Map.of("assigneeExpression", CANARY))))
        .status())
        .isEqualTo(400);
    assertThat(
        carl.post("/engine-rest/task", Map.of("orQueries", List.of(Map.of("dueBeforeExpression", "#{canary.fire()}"))))
            .status())
        .isEqualTo(400);
  }

  @Test
  void allowedExpressionsStillWorkInStoredFilters() {
    Task task = AccessCheckProcess.startAndGetTask(engine);
    Http carl = http.as("carl");
    String filterId = groupFilterId("Customer service");
    Http.Response list = carl.post("/engine-rest/filter/" + filterId + "/list", Map.of());
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains(task.getId());
    // and even the allowed functions are not accepted ad hoc
    assertThat(carl.get("/engine-rest/task?assigneeExpression=" + encoded("${currentUser()}")).status()).isEqualTo(400);
  }

  @Test
  void filterExpressionsAreRefusedWhenStoredAndWhenExtended() {
    Http admin = http.as("admin");
    Map<String, Object> evil = Map.of("resourceType", "Task", "name", "evil",
        "query", Map.of("orQueries", List.of(Map.of("assigneeExpression", CANARY))));
    assertThat(admin.post("/engine-rest/filter/create", evil).status()).isEqualTo(400);
    assertThat(engine.getFilterService().createFilterQuery().filterName("evil").count()).isZero();

    String filterId = groupFilterId("Warehouse");
    assertThat(http.as("walt").post("/engine-rest/filter/" + filterId + "/list", Map.of("assigneeExpression", CANARY))
        .status())
        .isEqualTo(400);
  }

  @Test
  void onlyAdminsCreateOrChangeFilters() {
    Map<String, Object> harmless = Map.of("resourceType", "Task", "name", "carl's own", "query", Map.of());
    assertThat(http.as("carl").post("/engine-rest/filter/create", harmless).status()).isEqualTo(403);
    String filterId = groupFilterId("Customer service");
    assertThat(http.as("carl").put("/engine-rest/filter/" + filterId,
        Map.of("resourceType", "Task", "name", "renamed", "query", Map.of())).status()).isEqualTo(403);
    assertThat(http.as("carl").delete("/engine-rest/filter/" + filterId).status()).isEqualTo(403);
  }

  @Test
  void theEngineRefusesForbiddenExpressionsWhateverPathTheyTake() {
    // the Java API bypasses the HTTP check: the engine-level guard still refuses
    assertThatThrownBy(() -> engine.getTaskService().createTaskQuery()
        .or().taskAssigneeExpression(CANARY).endOr().list())
        .satisfies(EngineHardeningTest::refusedAsBadRequest).hasStackTraceContaining("not allowed in a task query");

    Filter stored = engine.getFilterService().newTaskFilter("stored canary")
        .setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression(CANARY));
    engine.getFilterService().saveFilter(stored);
    try {
      assertThatThrownBy(() -> engine.getFilterService().list(stored.getId()))
          .satisfies(EngineHardeningTest::refusedAsBadRequest).hasStackTraceContaining("not allowed in a task query");
      assertThatThrownBy(() -> engine.getFilterService().list(groupFilterId("Finance"),
          engine.getTaskService().createTaskQuery().taskOwnerExpression(CANARY)))
          .satisfies(EngineHardeningTest::refusedAsBadRequest);
    } finally {
      engine.getFilterService().deleteFilter(stored.getId());
    }
  }

  @Test
  void theWebappsTaskAndFilterApisRefuseExpressionsToo() {
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", "walt", "walt")).isEqualTo(200);
    String filterId = groupFilterId("Warehouse");
    HttpResponse<String> list = tasklist.post("/camunda/api/engine/engine/default/filter/" + filterId + "/list",
        "{\"orQueries\":[{\"assigneeExpression\":\"" + CANARY + "\"}]}");
    assertThat(list.statusCode()).isEqualTo(400);
    assertThat(
        tasklist.get("/camunda/api/engine/engine/default/task?assigneeExpression=" + encoded(CANARY)).statusCode())
        .isEqualTo(400);
    assertThat(tasklist.post("/camunda/api/engine/engine/default/filter/" + filterId + "/list", "{}").statusCode())
        .isEqualTo(200);
  }

  @Test
  void variablesAreJsonAndNeverJavaSerialized() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.getDefaultSerializationFormat()).isEqualTo("application/json");
    assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();

    Task task = AccessCheckProcess.startAndGetTask(engine);
    Map<String, Object> javaSerialized = Map.of("value", "rO0ABXQABWhlbGxv", "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.lang.String",
            "serializationDataFormat", "application/x-java-serialized-object"));
    Http.Response response = http.as("admin").put(
        "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables/payload", javaSerialized);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Java-serialized variables are not accepted");
    assertThat(engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "payload")).isNull();
  }

  @Test
  void errorBodiesCarryNoStackTraces() {
    List<Http.Response> errors = List.of(
        http.as("admin").get("/engine-rest/process-definition/not-there"),
        http.as("admin").post("/engine-rest/process-definition/key/not-there/start", "{not json"),
        http.as("admin").get("/api/not-there"),
        http.get("/not-there"),
        http.as("admin").post("/engine-rest/task/not-there/complete", "{}"));
    for (Http.Response error : errors) {
      assertThat(error.status()).as(error.toString()).isBetween(400, 599);
      assertThat(error.body()).doesNotContain("\tat ", "at org.", "at java.", "Caused by", ".java:");
    }
  }

  @Test
  void webappsRefuseChangesWithoutTheCsrfToken() {
    Task task = AccessCheckProcess.startAndGetTask(engine);
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", "carl", "carl")).isEqualTo(200);
    String claim = "/camunda/api/engine/engine/default/task/" + task.getId() + "/claim";
    assertThat(tasklist.postWithoutCsrfToken(claim, "{\"userId\":\"carl\"}").statusCode()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    // the refused request also ended the session
    assertThat(tasklist.post(claim, "{\"userId\":\"carl\"}").statusCode()).isEqualTo(401);
    assertThat(tasklist.login("tasklist", "carl", "carl")).isEqualTo(200);
    assertThat(tasklist.post(claim, "{\"userId\":\"carl\"}").statusCode()).isEqualTo(204);
  }

  @Test
  void cookiesAreHttpOnlyAndSameSite() {
    WebappSession session = new WebappSession(port);
    HttpResponse<String> welcome = session.get("/camunda/app/welcome/default/");
    List<String> cookies = session.cookiesSetBy(welcome);
    assertThat(cookies).anySatisfy(
        cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
    // the webapps' JavaScript reads the CSRF cookie to echo it in X-XSRF-TOKEN (double submit), so it cannot be HttpOnly
    assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("SameSite=Strict"));
  }

  @Test
  void securityHeadersAreSet() {
    for (Http.Response response : List.of(http.get("/camunda/app/welcome/default/"), http.get("/api/returns"),
        http.get("/engine-rest/version"), http.get("/actuator/health"))) {
      assertThat(response.header("X-Content-Type-Options")).as(response.raw().uri().toString()).isEqualTo("nosniff");
      assertThat(response.header("X-Frame-Options")).isNotNull();
      assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
    }
    assertThat(http.get("/camunda/app/welcome/default/").header("Content-Security-Policy"))
        .contains("default-src 'self'");
  }

  private static void refusedAsBadRequest(Throwable thrown) {
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      chain.add(t);
    }
    assertThat(chain).anyMatch(BadUserRequestException.class::isInstance);
  }

  private String groupFilterId(String groupName) {
    return engine.getFilterService().createFilterQuery()
        .filterName(IdentityBootstrap.FILTER_NAME_PREFIX + " (" + groupName + ")").singleResult().getId();
  }

  private static String encoded(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
