package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.openrma.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer's photos on "Choose items": offered for a defective, damaged or wrong item, checked by their bytes
 * and the limits, stored with the return and shown to staff only, as downloads.
 */
@PortalTest
class PortalPhotosTest {

  static final byte[] JPEG = image(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 2_000);
  static final byte[] PNG = image(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 3_000);
  static final String FILE_FIELD = "accept=\"image/jpeg,image/png,image/webp,image/heic\"";

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aJpegAndAPngOfADefectiveItemAreOnTheReturnForStaffAsDownloads() {
    PortalBrowser browser = new PortalBrowser(port);
    PortalBrowser.Page offered = defective(browser);
    assertThat(offered.body()).contains("enctype=\"multipart/form-data\"", FILE_FIELD, "multiple");

    PortalBrowser.Page resolution = browser.postMultipart("/returns/items", defectiveLine(), List.of(
        new PortalBrowser.Upload("photos", "C:\\Users\\pat\\broken zip.JPG", "image/jpeg", JPEG),
        new PortalBrowser.Upload("photos", "seam.png", "image/png", PNG)), true);
    assertThat(resolution.path()).as(resolution.body()).isEqualTo("/returns/resolution");
    browser.post("/returns/resolution", Map.of("resolution", "REFUND"));
    String rma = PortalSteps.rmaNumber(PortalSteps.submit(browser));

    Http staff = new Http(port).as("carl");
    assertThat(staff.get("/api/returns/" + rma).json().path("photosUrl").asText())
        .isEqualTo("/api/returns/" + rma + "/photos");
    Http.Response list = staff.get("/api/returns/" + rma + "/photos");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().findValuesAsText("fileName")).containsExactly("broken_zip.JPG", "seam.png");
    assertThat(list.json().findValuesAsText("contentType")).containsExactly("image/jpeg", "image/png");
    Http.Response page = staff.send(staff.request("/api/returns/" + rma + "/photos").header("Accept", "text/html"));
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("<a href=\"/api/returns/" + rma + "/photos/1\">broken_zip.JPG</a>");
    HttpResponse<byte[]> png = bytes(staff, "/api/returns/" + rma + "/photos/2");
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.body()).isEqualTo(PNG);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(png.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"seam.png\"");
    assertThat(png.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(bytes(staff, "/api/returns/" + rma + "/photos/3").statusCode()).isEqualTo(404);
  }

  @Test
  void aTextFileNamedJpgIsRefusedByItsBytesAndAPngDeclaredAsJpegIsAPng() {
    PortalBrowser browser = new PortalBrowser(port);
    defective(browser);
    int before = photos();

    PortalBrowser.Page refused = browser.postMultipart("/returns/items", defectiveLine(), List.of(
        new PortalBrowser.Upload("photos", "holiday.jpg", "image/jpeg", "not a photo".getBytes(StandardCharsets.UTF_8)),
        new PortalBrowser.Upload("photos", "seam.png", "image/png", PNG)), true);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("href=\"#photos\"",
        "holiday.jpg is not a JPEG, PNG, WebP or HEIC photo.", "aria-describedby=\"photos-error photos-hint\"");
    assertThat(photos()).as("neither file").isEqualTo(before);

    PortalBrowser.Page accepted = browser.postMultipart("/returns/items", defectiveLine(),
        List.of(new PortalBrowser.Upload("photos", "seam.jpg", "image/jpeg", PNG)), true);
    assertThat(accepted.path()).isEqualTo("/returns/resolution");
    assertThat(jdbc.sql("SELECT content_type FROM rma_return_photo ORDER BY id DESC LIMIT 1").query(String.class)
        .single()).isEqualTo("image/png");
  }

  @Test
  void aPhotoOverTheSizeLimitIsThePortalsOwnPageAndNothingIsStored() {
    PortalBrowser browser = new PortalBrowser(port);
    defective(browser);
    int before = photos();

    PortalBrowser.Page refused = browser.postMultipart("/returns/items", defectiveLine(),
        List.of(new PortalBrowser.Upload("photos", "huge.jpg", "image/jpeg", image(JPEG, 100_000))), true);

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.body()).contains("Your photos are too large: each may be at most 64 KB",
        "href=\"/returns/items\"").doesNotContain("Exception", "at org.");
    assertThat(photos()).isEqualTo(before);
    assertThat(browser.get("/returns/items").body()).as("the wizard goes on").contains(FILE_FIELD);
  }

  @Test
  void moreThanFivePhotosInAllAreRefused() {
    PortalBrowser browser = new PortalBrowser(port);
    defective(browser);
    int before = photos();
    List<PortalBrowser.Upload> six = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      six.add(new PortalBrowser.Upload("photos", "photo" + i + ".jpg", "image/jpeg", JPEG));
    }

    PortalBrowser.Page refused = browser.postMultipart("/returns/items", defectiveLine(), six, true);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("You can add at most 5 photos in all, and you have added 0.");
    assertThat(photos()).isEqualTo(before);

    browser.postMultipart("/returns/items", defectiveLine(), six.subList(0, 4), true);
    PortalBrowser.Page back = browser.get("/returns/items");
    PortalBrowser.Page twoMore = browser.postMultipart("/returns/items", defectiveLine(), six.subList(4, 6), true);
    assertThat(back.body()).contains("<li>photo4.jpg</li>");
    assertThat(twoMore.body()).contains("You can add at most 5 photos in all, and you have added 4.");
    assertThat(photos()).isEqualTo(before + 4);
  }

  @Test
  void aReasonThatNeedsNoPhotosShowsNoUploadFieldAndKeepsNoPhoto() {
    String order = PortalTestOrders.next();
    PortalBrowser browser = new PortalBrowser(port);
    PortalBrowser.Page items = PortalSteps.lookUp(browser, order, PortalTestOrders.email(order));
    assertThat(items.body()).doesNotContain(FILE_FIELD);
    int before = photos();

    PortalBrowser.Page resolution = browser.postMultipart("/returns/items", Map.of("lines[0].quantity", "1",
        "lines[0].reason", "DOES_NOT_FIT", "lines[0].condition", "NEW", "photosOffered", "true"),
        List.of(new PortalBrowser.Upload("photos", "fit.jpg", "image/jpeg", JPEG)), true);

    assertThat(resolution.path()).isEqualTo("/returns/resolution");
    assertThat(browser.get("/returns/items").body()).doesNotContain(FILE_FIELD);
    assertThat(photos()).isEqualTo(before);
  }

  @Test
  void photosAddedForADefectStayBehindWhenTheReasonChangesToOneThatNeedsNone() {
    PortalBrowser browser = new PortalBrowser(port);
    defective(browser);
    browser.postMultipart("/returns/items", defectiveLine(),
        List.of(new PortalBrowser.Upload("photos", "seam.jpg", "image/jpeg", JPEG)), true);
    browser.get("/returns/items");
    browser.post("/returns/items", Map.of("lines[1].quantity", "1", "lines[1].reason", "DOES_NOT_FIT",
        "lines[1].condition", "NEW"));
    browser.post("/returns/resolution", Map.of("resolution", "REFUND"));
    String rma = PortalSteps.rmaNumber(PortalSteps.submit(browser));

    Http staff = new Http(port).as("carl");
    assertThat(staff.get("/api/returns/" + rma).json().has("photosUrl")).isFalse();
    assertThat(staff.get("/api/returns/" + rma + "/photos").json()).isEmpty();
  }

  @Test
  void aPhotoFormWithoutItsCsrfTokenIsRefusedAndStoresNothing() {
    PortalBrowser browser = new PortalBrowser(port);
    defective(browser);
    int before = photos();

    PortalBrowser.Page refused = browser.postMultipart("/returns/items", defectiveLine(),
        List.of(new PortalBrowser.Upload("photos", "seam.jpg", "image/jpeg", JPEG)), false);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("This page has expired");
    assertThat(photos()).isEqualTo(before);
  }

  @Test
  void aCustomerCannotReadAnyReturnsPhotosThroughThePortal() {
    PortalBrowser owner = new PortalBrowser(port);
    defective(owner);
    owner.postMultipart("/returns/items", defectiveLine(),
        List.of(new PortalBrowser.Upload("photos", "private-photo.jpg", "image/jpeg", JPEG)), true);
    owner.post("/returns/resolution", Map.of("resolution", "REFUND"));
    PortalBrowser.Page confirmation = PortalSteps.submit(owner);
    String rma = PortalSteps.rmaNumber(confirmation);

    PortalBrowser other = new PortalBrowser(port);
    PortalBrowser.Page offered = defective(other);
    assertThat(offered.body()).doesNotContain("private-photo.jpg");
    for (PortalBrowser customer : List.of(owner, other)) {
      for (String path : List.of("/api/returns/" + rma + "/photos", "/api/returns/" + rma + "/photos/1",
          "/returns/photos/1", PortalSteps.statusLink(confirmation) + "/photos/1")) {
        PortalBrowser.Page page = customer.get(path);
        assertThat(page.status()).as(path).isIn(401, 403, 404);
        assertThat(page.body()).as(path).doesNotContain("private-photo.jpg");
      }
    }
  }

  /** A new order looked up, one Merino T-shirt posted as defective: the items page again, with the photo field. */
  private static PortalBrowser.Page defective(PortalBrowser browser) {
    String order = PortalTestOrders.next();
    PortalSteps.lookUp(browser, order, PortalTestOrders.email(order));
    Map<String, String> line = new HashMap<>(defectiveLine());
    line.remove("photosOffered");
    PortalBrowser.Page offered = browser.post("/returns/items", line);
    assertThat(offered.path()).as(offered.body()).isEqualTo("/returns/items");
    assertThat(offered.body()).contains(FILE_FIELD, "Photos (optional)");
    return offered;
  }

  private static Map<String, String> defectiveLine() {
    return Map.of("lines[1].quantity", "1", "lines[1].reason", "DEFECTIVE", "lines[1].condition", "NEW",
        "photosOffered", "true");
  }

  private int photos() {
    return jdbc.sql("SELECT COUNT(*) FROM rma_return_photo").query(Integer.class).single();
  }

  private static HttpResponse<byte[]> bytes(Http staff, String path) {
    try {
      return java.net.http.HttpClient.newHttpClient().send(staff.request(path).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code signature} followed by filler up to {@code length} bytes. */
  private static byte[] image(byte[] signature, int length) {
    byte[] bytes = new byte[length];
    System.arraycopy(signature, 0, bytes, 0, Math.min(signature.length, length));
    for (int i = signature.length; i < length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    return bytes;
  }
}
