package io.openrma.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.support.Http;
import io.openrma.support.WebAppTest;
import io.openrma.support.WebappSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each group can do what its work needs, and nothing more. */
@WebAppTest
class GroupAccessTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @ParameterizedTest(name = "{0} logs in to {1}: {2}")
  @CsvSource({
      "admin, cockpit, 200", "admin, admin, 200", "admin, tasklist, 200",
      "anna, cockpit, 200", "anna, admin, 403", "anna, tasklist, 403",
      "carl, tasklist, 200", "carl, cockpit, 403", "carl, admin, 403",
      "walt, tasklist, 200", "walt, cockpit, 403", "walt, admin, 403",
      "fiona, tasklist, 200", "fiona, cockpit, 403", "fiona, admin, 403",
      "shipbot, tasklist, 403", "shipbot, cockpit, 403"})
  void webappAccessFollowsTheGroups(String user, String app, int expectedStatus) {
    assertThat(new WebappSession(port).login(app, user, user)).isEqualTo(expectedStatus);
  }

  @Test
  void onlyAnalystsAndAdminsDeploy() {
    assertThat(deploy("anna").status()).isEqualTo(200);
    assertThat(deploy("admin").status()).isEqualTo(200);
    assertThat(deploy("walt").status()).isEqualTo(403);
    assertThat(deploy("carl").status()).isEqualTo(403);
    assertThat(deploy("fiona").status()).isEqualTo(403);
  }

  @Test
  void eachGroupReadsOnlyItsOwnFilter() {
    JsonNode waltsFilters = http.as("walt").get("/engine-rest/filter").json();
    assertThat(waltsFilters).hasSize(1);
    assertThat(waltsFilters.get(0).get("name").asText()).contains("Warehouse");
    String customerServiceFilter = filterId("Customer service");
    assertThat(http.as("walt").get("/engine-rest/filter/" + customerServiceFilter).status()).isEqualTo(403);
    assertThat(http.as("walt").post("/engine-rest/filter/" + customerServiceFilter + "/list", Map.of()).status())
        .isEqualTo(403);
    assertThat(http.as("carl").get("/engine-rest/filter/" + customerServiceFilter).status()).isEqualTo(200);
    assertThat(http.as("anna").get("/engine-rest/filter").json()).isEmpty();
  }

  @Test
  void analystsReadButDoNotWorkOnTasks() {
    Task task = AccessCheckProcess.startAndGetTask(engine);
    assertThat(http.as("anna").get("/engine-rest/process-definition").status()).isEqualTo(200);
    assertThat(
        http.as("anna").get("/engine-rest/history/process-instance?processInstanceId=" + task.getProcessInstanceId())
            .json())
        .hasSize(1);
    assertThat(http.as("anna").post("/engine-rest/task/" + task.getId() + "/complete", Map.of()).status())
        .isEqualTo(403);
    assertThat(http.as("anna").post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "anna")).status())
        .isEqualTo(403);
  }

  @Test
  void onlyTheCandidateGroupWorksOnItsTask() {
    Task task = AccessCheckProcess.startAndGetTask(engine);
    assertThat(http.as("walt").post("/engine-rest/task/" + task.getId() + "/complete", Map.of()).status()).isIn(403,
        404);
    assertThat(
        http.as("fiona").post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "fiona")).status())
        .isIn(403, 404);
    assertThat(http.as("carl").post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "carl")).status())
        .isEqualTo(204);
    assertThat(http.as("carl").post("/engine-rest/task/" + task.getId() + "/complete", Map.of()).status())
        .isEqualTo(204);
  }

  @Test
  void workersCannotReadProcessHistoryOrStartProcesses() {
    Task task = AccessCheckProcess.startAndGetTask(engine);
    assertThat(
        http.as("walt").get("/engine-rest/history/process-instance?processInstanceId=" + task.getProcessInstanceId())
            .json())
        .isEmpty();
    assertThat(http.as("carl").get("/engine-rest/history/variable-instance").json()).isEmpty();
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("access-check").count();
    assertThat(http.as("carl").post("/engine-rest/process-definition/key/access-check/start", Map.of()).status())
        .as("refused, as 403 or as 404 for a definition carl may not read").isIn(403, 404);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("access-check").count())
        .isEqualTo(before);
  }

  @Test
  void usersCannotManageIdentities() {
    Map<String, Object> user = Map.of("profile", Map.of("id", "sneaky"), "credentials", Map.of("password", "sneaky"));
    for (String caller : new String[]{"anna", "carl", "walt", "fiona"}) {
      assertThat(http.as(caller).post("/engine-rest/user/create", user).status()).isEqualTo(403);
      assertThat(http.as(caller).put("/engine-rest/group/camunda-admin/members/" + caller, Map.of()).status())
          .isEqualTo(403);
    }
  }

  private Http.Response deploy(String user) {
    String boundary = "openrma-" + System.nanoTime();
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
        + "<process id=\"deploy-check-" + user + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
        + "<startEvent id=\"s\"/></process></definitions>";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncheck-" + user
        + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"check.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    HttpRequest.Builder request = http.as(user).request("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(request);
  }

  private String filterId(String groupName) {
    return engine.getFilterService().createFilterQuery()
        .filterName(IdentityBootstrap.FILTER_NAME_PREFIX + " (" + groupName + ")").singleResult().getId();
  }

}
