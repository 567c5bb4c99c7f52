package io.openrma.process;

import java.util.ArrayList;
import java.util.List;

import io.openrma.integrations.shopify.ShopifyReturns;
import io.openrma.integrations.shopify.ShopifyReturns.LineDisposition;
import io.openrma.integrations.shopify.ShopifyReturns.OpenReturn;
import io.openrma.integrations.shopify.ShopifyReturns.ReturnedLine;
import io.openrma.returns.Disposition;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;

/**
 * What the Shopify steps send, read from the returns record: the lines to open a return with, and what the
 * warehouse did with each unit. Plain code, tested without the engine.
 */
final class ShopifyMirror {

  static final String SYSTEM = "Shopify";

  private ShopifyMirror() {
  }

  /** Shopify's return for this return; a Shopify step runs only after "Open return in Shopify" stored it. */
  static String returnId(ReturnRecord record) {
    String id = record.source() == null ? null : record.source().returnId();
    if (id == null) {
      throw new IllegalStateException(record.rmaNumber() + " has no Shopify return yet: \"Open return in Shopify\" "
          + "stores it; retry once that step has run");
    }
    return id;
  }

  static boolean hasReturn(ReturnRecord record) {
    return record.source() != null && record.source().returnId() != null;
  }

  static OpenReturn openReturn(ReturnRecord record) {
    List<ReturnedLine> lines = record.lines().stream().map(line -> new ReturnedLine(line.lineItemId(),
        line.quantityReturned(), line.reason().name(), line.reasonText(), line.exchangeVariantId())).toList();
    return new OpenReturn(record.order().orderId(), record.rmaNumber(), lines, record.createdAt());
  }

  /**
   * Opens the return in Shopify (approved: {@code returnCreate}, else {@code returnRequest}) once, and keeps
   * Shopify's id on the returns record in the same transaction as the step's effect.
   */
  static void open(Step step, ShopifyReturns shopify, ReturnService returns, boolean approved) {
    if (step.done(1)) {
      return; // opened and stored by an earlier run
    }
    ReturnRecord record = step.record();
    String returnId = step.call(SYSTEM, () -> shopify.open(openReturn(record), approved));
    step.made(1, "SHOPIFY_RETURN", returnId, () -> returns.recordSourceReturn(step.rmaNumber(), returnId,
        step.actor(), (approved ? "Open return" : "Return request, waiting for the review,") + " in Shopify: "
            + returnId));
  }

  static List<String> lineItemIds(ReturnRecord record) {
    return record.lines().stream().map(ReturnLine::lineItemId).toList();
  }

  /**
   * Per line: the received units restocked or not as the warehouse decided, the units that never came
   * {@code MISSING}. Units the customer keeps (the policy let them) are {@code NOT_RESTOCKED}: they will not
   * come back.
   */
  static List<LineDisposition> dispositions(ReturnRecord record) {
    List<LineDisposition> dispositions = new ArrayList<>();
    for (ReturnLine line : record.lines()) {
      ReturnLine.Inspection inspection = line.inspection();
      if (record.keepItem() || inspection == null) {
        dispositions.add(new LineDisposition(line.lineItemId(), line.quantityReturned(), "NOT_RESTOCKED"));
        continue;
      }
      int received = Math.min(inspection.quantityReceived(), line.quantityReturned());
      if (received > 0) {
        dispositions.add(new LineDisposition(line.lineItemId(), received,
            inspection.disposition() == Disposition.RESTOCK ? "RESTOCKED" : "NOT_RESTOCKED"));
      }
      if (line.quantityReturned() > received) {
        dispositions.add(new LineDisposition(line.lineItemId(), line.quantityReturned() - received, "MISSING"));
      }
    }
    return dispositions;
  }
}
