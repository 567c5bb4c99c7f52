package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.openrma.support.WebappSession;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reviewer opens the customer's photos from the link in the Tasklist form: the Camunda webapps' login in the
 * same session is enough for the photo list and the photos, with the API's group rules; nothing else of the API
 * takes that session.
 */
@PortalTest
class PhotosFromTasklistTest {

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identity;
  @Autowired
  AuthorizationService authorizations;

  @Test
  void aReviewerLoggedIntoTasklistOpensThePhotosPageAndAPhotoWithThatSession() {
    String rma = returnWithAPhoto();
    WebappSession carl = new WebappSession(port);
    assertThat(carl.login("tasklist", "carl", "carl")).isEqualTo(200);

    HttpResponse<String> page = html(carl, "/api/returns/" + rma + "/photos");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("<a href=\"/api/returns/" + rma + "/photos/1\">seam.png</a>");
    HttpResponse<String> photo = html(carl, "/api/returns/" + rma + "/photos/1");
    assertThat(photo.statusCode()).isEqualTo(200);
    assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(photo.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"seam.png\"");
    assertThat(photo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    // the session is no credential for the rest of the API, reads or writes
    assertThat(html(carl, "/api/returns/" + rma).statusCode()).isEqualTo(401);
    assertThat(carl.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/returns/" + rma
        + "/cancel")).POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(401);
  }

  @Test
  void withoutAWebappLoginThePhotosAre401AndNoRedirect() {
    String rma = returnWithAPhoto();
    WebappSession nobody = new WebappSession(port);
    nobody.get("/camunda/app/welcome/default/"); // a session, but no login in it

    for (String path : List.of("/api/returns/" + rma + "/photos", "/api/returns/" + rma + "/photos/1")) {
      HttpResponse<String> refused = html(nobody, path);
      assertThat(refused.statusCode()).as(path).isEqualTo(401);
      assertThat(refused.headers().firstValue("Location")).as(path).isEmpty();
      assertThat(refused.body()).as(path).doesNotContain("seam.png");
    }
  }

  @Test
  void aWebappUserWithoutAnOpenRmaGroupIsRefused403() {
    String rma = returnWithAPhoto();
    String userId = "tasklist-only-" + System.nanoTime();
    User user = identity.newUser(userId);
    user.setPassword("tasklist-only-password");
    identity.saveUser(user);
    Authorization tasklist = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    tasklist.setUserId(userId);
    tasklist.setResource(Resources.APPLICATION);
    tasklist.setResourceId("tasklist");
    tasklist.addPermission(Permissions.ACCESS);
    authorizations.saveAuthorization(tasklist);
    WebappSession session = new WebappSession(port);
    assertThat(session.login("tasklist", userId, "tasklist-only-password")).isEqualTo(200);

    assertThat(html(session, "/api/returns/" + rma + "/photos").statusCode()).isEqualTo(403);
    assertThat(html(session, "/api/returns/" + rma + "/photos/1").statusCode()).isEqualTo(403);
  }

  /** A customer returns a defective T-shirt with one photo, {@code seam.png}, in the portal. */
  private String returnWithAPhoto() {
    PortalBrowser browser = new PortalBrowser(port);
    String order = PortalTestOrders.next();
    PortalSteps.lookUp(browser, order, PortalTestOrders.email(order));
    Map<String, String> line = Map.of("lines[1].quantity", "1", "lines[1].reason", "DEFECTIVE",
        "lines[1].condition", "NEW");
    browser.post("/returns/items", line);
    Map<String, String> offered = new java.util.HashMap<>(line);
    offered.put("photosOffered", "true");
    PortalBrowser.Page resolution = browser.postMultipart("/returns/items", offered,
        List.of(new PortalBrowser.Upload("photos", "seam.png", "image/png", PortalPhotosTest.PNG)), true);
    assertThat(resolution.path()).as(resolution.body()).isEqualTo("/returns/resolution");
    browser.post("/returns/resolution", Map.of("resolution", "REFUND"));
    return PortalSteps.rmaNumber(PortalSteps.submit(browser));
  }

  private HttpResponse<String> html(WebappSession session, String path) {
    return session.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "text/html").GET());
  }
}
