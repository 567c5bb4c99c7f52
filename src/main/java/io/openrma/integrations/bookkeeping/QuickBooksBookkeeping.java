package io.openrma.integrations.bookkeeping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.bookkeeping.QuickBooksSettings.DocumentType;
import io.openrma.policy.Money;

/**
 * Posts refunds to QuickBooks Online as a {@code RefundReceipt} (or a {@code CreditMemo}, configured; store credit
 * always): a line per returned item, its {@code ItemRef} found by SKU, the restocking fee (negative), refunded
 * shipping and a store credit's bonus as their configured items, the tax as {@code TxnTaxDetail.TotalTax}, the customer found by email (created
 * when missing), {@code DocNumber} = the RMA number. A retry sends the same {@code requestid}, so QuickBooks answers
 * the first document; a duplicate document number (6140) means an earlier attempt posted it, which is then looked up.
 * The total QuickBooks answers must be the refund, to the cent.
 */
public class QuickBooksBookkeeping implements Bookkeeping {

  /** QuickBooks' limits: {@code requestid} 50 characters, {@code DocNumber} and {@code PaymentRefNum} 21. */
  static final int REQUEST_ID_MAX = 50;
  static final int DOC_NUMBER_MAX = 21;

  private final QuickBooksSettings settings;
  private final QuickBooksApi api;
  private final QuickBooksTokens tokens;

  public QuickBooksBookkeeping(QuickBooksSettings settings, QuickBooksTokens tokens, ObjectMapper json) {
    this.settings = settings;
    this.tokens = tokens;
    this.api = new QuickBooksApi(settings, tokens, json);
  }

  /** The connection's tokens, for the health details. */
  public QuickBooksTokens tokens() {
    return tokens;
  }

  @Override
  public Posted recordRefund(Entry entry) {
    return post(settings.documentType() == DocumentType.CREDIT_MEMO ? "CreditMemo" : "RefundReceipt", entry);
  }

  @Override
  public Posted recordStoreCredit(Entry entry) {
    return post("CreditMemo", entry);
  }

  private Posted post(String type, Entry entry) {
    if (entry.sum() != entry.total()) {
      throw new QuickBooksRefusedException(null, "the " + type + " of " + entry.rmaNumber() + " would total "
          + Money.format(entry.sum(), entry.currency()) + ", not the refunded " + Money.format(entry.total(),
              entry.currency())
          + " (a capped refund?): book it by hand");
    }
    String docNumber = limit(entry.rmaNumber(), DOC_NUMBER_MAX);
    JsonNode created;
    try {
      created = api.create(type, document(type, entry, docNumber), requestId(entry.requestId()));
    } catch (QuickBooksRefusedException refused) {
      if (!"6140".equals(refused.code())) {
        throw refused;
      }
      // posted by an earlier attempt whose answer was lost: the document is there, record it
      created = api.findOne(type, "DocNumber", docNumber).orElseThrow(() -> new IntegrationException(
          QuickBooksApi.SYSTEM, "duplicate document number " + docNumber + " but no " + type + " has it"));
    }
    long total = Money.minorUnits(decimalText(created.path("TotalAmt")), entry.currency());
    String id = created.path("Id").asText();
    if (total != entry.total()) {
      throw new QuickBooksRefusedException(null, type + " " + id + " of " + entry.rmaNumber() + " totals "
          + Money.format(total, entry.currency()) + " in QuickBooks, not the refunded "
          + Money.format(entry.total(), entry.currency()) + ": correct it there (tax settings?), then retry");
    }
    return new Posted(type, id, created.path("DocNumber").asText(docNumber), total);
  }

  private Map<String, Object> document(String type, Entry entry, String docNumber) {
    String currency = entry.currency();
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Line line : entry.lines()) {
      JsonNode item = api.findOne("Item", "Sku", line.sku()).orElseThrow(() -> new QuickBooksRefusedException(null,
          "no item has the SKU " + line.sku() + " in QuickBooks: give the product that SKU there, then retry"));
      lines.add(line(line.description(), item.path("Id").asText(), line.quantity(), line.amount(), currency,
          line.taxable() ? settings.taxCode() : settings.nonTaxCode()));
    }
    if (entry.restockingFee() > 0) {
      lines.add(line("Restocking fee", settings.restockingFeeItemId(), 1, -entry.restockingFee(), currency,
          settings.nonTaxCode()));
    }
    if (entry.shipping() > 0) {
      lines.add(line("Shipping refunded", settings.shippingItemId(), 1, entry.shipping(), currency,
          settings.nonTaxCode()));
    }
    if (entry.storeCreditBonus() > 0) {
      if (settings.storeCreditBonusItemId() == null || settings.storeCreditBonusItemId().isBlank()) {
        throw new QuickBooksRefusedException(null, "the credit memo of " + entry.rmaNumber() + " has a store credit "
            + "bonus, and no QuickBooks item is set for it: set openrma.quickbooks.store-credit-bonus-item-id, "
            + "then retry");
      }
      lines.add(line("Store credit bonus", settings.storeCreditBonusItemId(), 1, entry.storeCreditBonus(), currency,
          settings.nonTaxCode()));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("DocNumber", docNumber);
    document.put("CustomerRef", Map.of("value", customerId(entry)));
    document.put("Line", lines);
    document.put("TxnTaxDetail", Map.of("TotalTax", amount(entry.tax(), currency)));
    document.put("PrivateNote", "Return " + entry.rmaNumber() + " refunded by OpenRMA"
        + (entry.paymentRef() == null ? "" : " (" + entry.paymentRef() + ")"));
    if ("RefundReceipt".equals(type)) {
      document.put("DepositToAccountRef", Map.of("value", settings.depositToAccountId()));
      if (settings.paymentMethodId() != null && !settings.paymentMethodId().isBlank()) {
        document.put("PaymentMethodRef", Map.of("value", settings.paymentMethodId()));
      }
      if (entry.paymentRef() != null) {
        document.put("PaymentRefNum", limit(entry.paymentRef(), DOC_NUMBER_MAX));
      }
    }
    return document;
  }

  private String customerId(Entry entry) {
    return api.findOne("Customer", "PrimaryEmailAddr", entry.customerEmail())
        .orElseGet(() -> {
          Map<String, Object> customer = new LinkedHashMap<>();
          customer.put("DisplayName", entry.customerName() + " (" + entry.customerEmail() + ")");
          customer.put("PrimaryEmailAddr", Map.of("Address", entry.customerEmail()));
          return api.create("Customer", customer, requestId(entry.requestId() + ":customer"));
        }).path("Id").asText();
  }

  private static Map<String, Object> line(String description, String itemId, int quantity, long amount,
      String currency, String taxCode) {
    BigDecimal total = amount(amount, currency);
    // QuickBooks checks Amount = Qty x UnitPrice; a share that does not divide evenly keeps 7 decimals
    BigDecimal unitPrice = total.divide(BigDecimal.valueOf(quantity), 7, RoundingMode.HALF_UP).stripTrailingZeros();
    if (unitPrice.scale() < 0) {
      unitPrice = unitPrice.setScale(0); // 10, not 1E+1
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("ItemRef", Map.of("value", itemId));
    detail.put("Qty", quantity);
    detail.put("UnitPrice", unitPrice);
    detail.put("TaxCodeRef", Map.of("value", taxCode));
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("DetailType", "SalesItemLineDetail");
    line.put("Amount", total);
    line.put("Description", description);
    line.put("SalesItemLineDetail", detail);
    return line;
  }

  private static BigDecimal amount(long minorUnits, String currency) {
    return new BigDecimal(Money.decimal(minorUnits, currency));
  }

  private static String decimalText(JsonNode number) {
    return number.isNumber() ? number.decimalValue().toPlainString() : number.asText("0");
  }

  /** The key itself when it fits QuickBooks' 50 characters, else its SHA-256 (Base64url, 43 characters). */
  static String requestId(String key) {
    if (key.length() <= REQUEST_ID_MAX) {
      return key;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String limit(String value, int max) {
    return value.length() <= max ? value : value.substring(value.length() - max);
  }
}
