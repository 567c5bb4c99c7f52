package io.openrma.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import io.openrma.support.Http;
import io.openrma.support.WebAppTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Analysts deploy from the Modeler, but cannot deploy code of their own: no scripts, no Java
 * classes, no expressions that call methods. And whoever deploys, expressions reach only the beans
 * a diagram needs.
 */
@WebAppTest
class DeploymentGuardTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void analystsDeployPlainDiagrams() {
    Http.Response response = deploy("anna", process("plain-" + System.nanoTime(),
        "<startEvent id=\"s\"/><sequenceFlow id=\"f0\" sourceRef=\"s\" targetRef=\"g\"/>"
            + "<exclusiveGateway id=\"g\" default=\"f2\"/>"
            + "<sequenceFlow id=\"f1\" sourceRef=\"g\" targetRef=\"t\">"
            + "<conditionExpression xsi:type=\"tFormalExpression\">${refundTotal &gt; 0}</conditionExpression></sequenceFlow>"
            + "<sequenceFlow id=\"f2\" sourceRef=\"g\" targetRef=\"e\"/>"
            + "<serviceTask id=\"t\" camunda:asyncBefore=\"true\" camunda:delegateExpression=\"${notifyCustomerDelegate}\"/>"
            + "<sequenceFlow id=\"f3\" sourceRef=\"t\" targetRef=\"e2\"/><endEvent id=\"e\"/><endEvent id=\"e2\"/>"));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  @Test
  void analystsCannotDeployScriptsClassesOrMethodCalls() {
    String[] code = {
        "<scriptTask id=\"s\" scriptFormat=\"javascript\"><script>java.lang.Runtime.getRuntime().exec('id')</script></scriptTask>",
        "<serviceTask id=\"c\" camunda:class=\"java.lang.Runtime\" />",
        "<serviceTask id=\"e\" camunda:expression=\"${runtimeService.deleteProcessInstance('x', 'y')}\" />",
        "<userTask id=\"u\"><extensionElements><camunda:taskListener event=\"create\">"
            + "<camunda:script scriptFormat=\"groovy\">println 1</camunda:script></camunda:taskListener></extensionElements></userTask>",
        "<sequenceFlow id=\"f\" sourceRef=\"a\" targetRef=\"b\"><conditionExpression xsi:type=\"tFormalExpression\" "
            + "language=\"javascript\">true</conditionExpression></sequenceFlow><startEvent id=\"a\"/><endEvent id=\"b\"/>"};
    for (String element : code) {
      Http.Response response = deploy("anna", process("code-" + System.nanoTime(), element));
      assertThat(response.status()).as(element).isEqualTo(400);
      assertThat(response.json().get("message").asText()).contains("only administrators may deploy");
    }
  }

  @Test
  void workersCannotDeployAtAll() {
    assertThat(deploy("walt", process("w-" + System.nanoTime(), "<startEvent id=\"s\"/>")).status()).isEqualTo(403);
    assertThat(deploy("carl", process("c-" + System.nanoTime(), "<startEvent id=\"s\"/>")).status()).isEqualTo(403);
  }

  @Test
  void expressionsReachOnlyTheBeansDiagramsNeed() {
    String key = "leak-" + System.nanoTime();
    // deployed by the system (no user): not checked by the guard, yet the bean is out of reach
    engine.getRepositoryService().createDeployment().addString(key + ".bpmn", process(key,
        "<startEvent id=\"s\"/><sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"t\"/>"
            + "<serviceTask id=\"t\" camunda:expression=\"${dataSource.password}\" camunda:resultVariable=\"leak\"/>"
            + "<sequenceFlow id=\"f2\" sourceRef=\"t\" targetRef=\"e\"/><endEvent id=\"e\"/>"))
        .deploy();
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(key))
        .hasMessageContaining("dataSource");
  }

  private Http.Response deploy(String user, String bpmn) {
    Http http = new Http(port).as(user);
    String boundary = "guard-" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nguard\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"guard.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    HttpRequest.Builder request = http.request("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(request);
  }

  private static String process(String key, String content) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        + "targetNamespace=\"t\"><process id=\"" + key + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
        + content + "</process></definitions>";
  }
}
