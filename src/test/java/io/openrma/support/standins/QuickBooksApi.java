package io.openrma.support.standins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * QuickBooks Online's Accounting API and Intuit's OAuth token endpoint as the stand-in answers them, in the shapes
 * of Intuit's documentation: entities in an envelope named after them with {@code time}, queries in
 * {@code QueryResponse}, errors as {@code Fault} with {@code Error[]} ({@code Message}, {@code Detail},
 * {@code code}, {@code element}) and {@code type}.
 */
public final class QuickBooksApi {

  public static final String REALM = "9130355377388371";
  public static final String CLIENT_ID = "ABqbStandInClientId";
  public static final String CLIENT_SECRET = "qb-standin-secret";
  public static final String TIME = "2026-12-02T03:10:00.000-08:00";

  private QuickBooksApi() {
  }

  /** {@code POST /oauth2/v1/tokens/bearer}: a new access token and the rotated refresh token. */
  public static String token(String accessToken, String refreshToken) {
    Map<String, Object> token = new LinkedHashMap<>();
    token.put("token_type", "bearer");
    token.put("access_token", accessToken);
    token.put("refresh_token", refreshToken);
    token.put("expires_in", 3600);
    token.put("x_refresh_token_expires_in", 8_726_400);
    return StripeApi.json(token);
  }

  /** The token endpoint's answer (HTTP 400) to a refresh token it no longer accepts. */
  public static String invalidGrant() {
    return StripeApi.json(Map.of("error", "invalid_grant"));
  }

  public static String fault(String type, String code, String message, String detail) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("Message", message);
    error.put("Detail", detail);
    error.put("code", code);
    error.put("element", "");
    return StripeApi.json(Map.of("Fault", Map.of("Error", List.of(error), "type", type), "time", TIME));
  }

  /** {@code GET /v3/company/{realm}/query}: the matches, or an empty {@code QueryResponse} when there are none. */
  @SafeVarargs
  public static String query(String entity, Map<String, Object>... found) {
    Map<String, Object> response = new LinkedHashMap<>();
    if (found.length > 0) {
      response.put(entity, List.of(found));
      response.put("startPosition", 1);
      response.put("maxResults", found.length);
    }
    return StripeApi.json(Map.of("QueryResponse", response, "time", TIME));
  }

  public static String entity(String entity, Map<String, Object> body) {
    return StripeApi.json(Map.of(entity, body, "time", TIME));
  }

  public static Map<String, Object> item(String id, String name, String sku) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("Id", id);
    item.put("SyncToken", "0");
    item.put("Name", name);
    item.put("Sku", sku);
    item.put("Active", true);
    item.put("Type", "Inventory");
    item.put("UnitPrice", 25);
    item.put("IncomeAccountRef", Map.of("value", "79", "name", "Sales of Product Income"));
    item.put("domain", "QBO");
    return item;
  }

  public static Map<String, Object> customer(String id, String displayName, String email) {
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("Id", id);
    customer.put("SyncToken", "0");
    customer.put("DisplayName", displayName);
    customer.put("PrimaryEmailAddr", Map.of("Address", email));
    customer.put("Active", true);
    customer.put("domain", "QBO");
    return customer;
  }

  /** A created RefundReceipt or CreditMemo as QuickBooks answers it (TotalAmt a JSON number, like Intuit's). */
  public static Map<String, Object> document(String id, String docNumber, double totalAmt, double totalTax) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("Id", id);
    document.put("SyncToken", "0");
    document.put("DocNumber", docNumber);
    document.put("TxnDate", "2026-12-02");
    document.put("TotalAmt", totalAmt);
    document.put("TxnTaxDetail", Map.of("TotalTax", totalTax));
    document.put("CurrencyRef", Map.of("value", "EUR", "name", "Euro"));
    document.put("domain", "QBO");
    return document;
  }
}
