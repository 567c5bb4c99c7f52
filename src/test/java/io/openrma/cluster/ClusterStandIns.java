package io.openrma.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.openrma.support.StandIns;
import io.openrma.support.standins.ShipStationShipments;
import io.openrma.support.standins.StripeApi;
import io.openrma.support.standins.Stubs;
import jakarta.mail.internet.MimeMessage;

/**
 * Stripe and ShipStation for hundreds of returns at once, answering like the real APIs where it
 * matters here: Stripe gives the same refund for the same {@code Idempotency-Key} (its idempotent
 * replay), so a call repeated after a crash does not refund twice; every return gets its own label.
 * Counts what each return caused at the providers: refunds (distinct idempotency keys), label
 * purchases, emails (by Message-ID).
 */
final class ClusterStandIns {

  static final int GENERIC = 10;
  static final long CAPTURED = 10_000_000;

  private ClusterStandIns() {
  }

  static void install() {
    Stubs.reset();
    StandIns.API.stubFor(get(urlPathMatching("/stripe/v1/payment_intents/.*")).atPriority(GENERIC)
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withTransformers("response-template")
            .withBody(StripeApi.paymentIntent("{{request.pathSegments.[3]}}", CAPTURED, 0))));
    StandIns.API.stubFor(post(urlEqualTo("/stripe/v1/refunds")).atPriority(GENERIC)
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withTransformers("response-template")
            .withBody(refundBody("succeeded"))));
    // ShipStation remembers what it sold: a retried purchase finds the label bought before
    StandIns.API.stubFor(get(urlPathMatching("/shipstation/v2/shipments/external_shipment_id/.*")).atPriority(GENERIC)
        .willReturn(aResponse().withTransformers(ShipStationShipments.NAME)));
    StandIns.API.stubFor(get(urlPathMatching("/shipstation/v2/labels")).atPriority(GENERIC)
        .willReturn(aResponse().withTransformers(ShipStationShipments.NAME)));
    StandIns.API.stubFor(post(urlEqualTo("/shipstation/v2/labels")).atPriority(GENERIC)
        .willReturn(aResponse().withTransformers(ShipStationShipments.NAME)));
    StandIns.API.stubFor(get(urlPathMatching("/shipstation/v2/downloads/cluster/.*")).atPriority(GENERIC)
        .willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(Stubs.labelPdf("cluster"))));
  }

  /** A refund Stripe answers for the request it gets; its id follows from the idempotency key. */
  static String refundBody(String status) {
    return StripeApi.refund("re_{{{request.headers.[Idempotency-Key]}}}", "pi_cluster", 1, status, null,
        Map.of("rma_number", "cluster"));
  }

  static String trackingNumber(String rmaNumber) {
    return "1Z" + rmaNumber;
  }

  /** RMA number to the distinct idempotency keys of its refund requests. */
  static Map<String, Set<String>> refundKeys() {
    Map<String, Set<String>> keys = new TreeMap<>();
    for (LoggedRequest request : StandIns.API.findAll(postRequestedFor(urlEqualTo("/stripe/v1/refunds")))) {
      String rma = form(request).get("metadata[rma_number]");
      keys.computeIfAbsent(rma, r -> new java.util.TreeSet<>()).add(request.getHeader("Idempotency-Key"));
    }
    return keys;
  }

  static List<LoggedRequest> refundRequests(String rmaNumber) {
    return StandIns.API.findAll(postRequestedFor(urlEqualTo("/stripe/v1/refunds"))).stream()
        .filter(request -> rmaNumber.equals(form(request).get("metadata[rma_number]"))).toList();
  }

  /** RMA number to the number of label purchases. */
  static Map<String, Long> labelPurchases() {
    return StandIns.API.findAll(postRequestedFor(urlEqualTo("/shipstation/v2/labels"))).stream()
        .map(request -> request.getBodyAsString().replaceAll(".*\"rma_number\"\\s*:\\s*\"([^\"]+)\".*", "$1"))
        .collect(Collectors.groupingBy(rma -> rma, TreeMap::new, Collectors.counting()));
  }

  /** Message-ID to the number of copies received. */
  static Map<String, Long> emails() {
    Map<String, Long> copies = new HashMap<>();
    for (MimeMessage message : StandIns.MAIL.getReceivedMessages()) {
      try {
        copies.merge(message.getMessageID(), 1L, Long::sum);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return copies;
  }

  static Map<String, String> form(LoggedRequest request) {
    Map<String, String> form = new HashMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      int at = pair.indexOf('=');
      if (at > 0) {
        form.put(URLDecoder.decode(pair.substring(0, at), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

}
