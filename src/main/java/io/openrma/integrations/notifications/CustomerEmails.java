package io.openrma.integrations.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.openrma.policy.Money;
import io.openrma.returns.ReturnRecord;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The emails a customer gets during a return, from the Thymeleaf templates in
 * {@code templates/mail/} (an HTML and a text part each, {@code <purpose>.html} and {@code <purpose>.txt}),
 * rendered by Boot's template engine. Every email has a Message-ID made of the
 * RMA number and its purpose, so a resend is recognisable as the same email.
 */
public class CustomerEmails {

  /** Why an email is sent; also the template name and part of the Message-ID. */
  public enum Purpose {
    RETURN_LABEL("return-label"), REMINDER("reminder"), REJECTION("rejection"), OUTCOME("outcome"), CANCELLATION(
        "cancellation");

    final String template;

    Purpose(String template) {
      this.template = template;
    }
  }

  private final EmailSender sender;
  private final MailSettings settings;
  private final ITemplateEngine templates;
  private final StatusPageLinks links;

  public CustomerEmails(EmailSender sender, MailSettings settings, ITemplateEngine templates) {
    this(sender, settings, templates, rmaNumber -> java.util.Optional.empty());
  }

  /** With {@code links}, every email carries the signed link to the return's status page. */
  public CustomerEmails(EmailSender sender, MailSettings settings, ITemplateEngine templates, StatusPageLinks links) {
    this.sender = sender;
    this.settings = settings;
    this.templates = templates;
    this.links = links;
  }

  public static String messageId(String rmaNumber, Purpose purpose) {
    return "<" + rmaNumber + "." + purpose.template + "@openrma>";
  }

  /** Sends the label email; returns its Message-ID. */
  public String sendReturnLabel(ReturnRecord record, byte[] labelPdf, Duration shipWithin) {
    Map<String, Object> model = Map.of("carrier", carrierName(record.label().carrier()),
        "tracking", record.label().trackingNumber(), "days", shipWithin.toDays(), "lines", record.lines());
    return send(record, Purpose.RETURN_LABEL, german(record)
        ? "Ihre Retoure " + record.rmaNumber() + ": Etikett und Anleitung"
        : "Your return " + record.rmaNumber() + ": label and instructions", model,
        List.of(
            new EmailSender.Attachment("return-label-" + record.rmaNumber() + ".pdf", "application/pdf", labelPdf)));
  }

  public String sendReminder(ReturnRecord record, Duration remaining) {
    Map<String, Object> model = Map.of("carrier", carrierName(record.label().carrier()),
        "tracking", record.label().trackingNumber(), "deadline",
        remaining.toDays() + (german(record) ? " Tage" : " more days"));
    return send(record, Purpose.REMINDER, german(record)
        ? "Erinnerung: bitte schicken Sie Ihre Retoure " + record.rmaNumber() + " ab"
        : "Reminder: please ship your return " + record.rmaNumber(), model, List.of());
  }

  public String sendRejection(ReturnRecord record, String reason) {
    return send(record, Purpose.REJECTION, german(record)
        ? "Ihre Retoure " + record.rmaNumber() + " können wir nicht annehmen"
        : "Your return " + record.rmaNumber() + " cannot be accepted",
        Map.of("reason", reason == null ? "" : reason, "orderId", record.order().orderId()), List.of());
  }

  /** The closing email: outcome is REFUNDED, STORE_CREDIT, EXCHANGE or CLOSED. */
  /**
   * How the return ended. {@code occasion} is null for the first outcome the customer hears of; a later
   * one (refunded again, or closed without refund, after a refund failed) names its occasion, which goes
   * into the Message-ID so the customer's mailbox keeps both, and says that it replaces the earlier news.
   */
  public String sendOutcome(ReturnRecord record, String outcome, String note, String occasion) {
    String currency = record.currency();
    long items = record.refund() == null ? 0 : record.refund().items();
    long tax = record.refund() == null ? 0 : record.refund().tax();
    long fee = record.refund() == null ? 0 : record.refund().restockingFee();
    long shipping = record.refund() == null ? 0 : record.refund().shipping();
    long bonus = record.refund() == null ? 0 : record.refund().storeCreditBonus();
    // store credit is the refund plus its bonus
    long total = record.refund() == null
        ? 0
        : "STORE_CREDIT".equals(outcome)
            ? record.refund().storeCredit()
            : record.refund().total();
    Map<String, Object> model = Map.ofEntries(Map.entry("outcome", outcome),
        Map.entry("note", note == null ? "" : note),
        Map.entry("items", Money.format(items, currency)), Map.entry("tax", Money.format(tax, currency)),
        Map.entry("fee", Money.format(fee, currency)), Map.entry("shipping", Money.format(shipping, currency)),
        Map.entry("total", Money.format(total, currency)), Map.entry("hasFee", fee > 0),
        Map.entry("bonus", Money.format(bonus, currency)), Map.entry("hasBonus", bonus > 0),
        Map.entry("hasShipping", shipping > 0), Map.entry("again", occasion != null));
    String subject = german(record) ? switch (outcome) {
      case "REFUNDED" -> "Ihre Erstattung zur Retoure " + record.rmaNumber();
      case "STORE_CREDIT" -> "Guthaben zur Retoure " + record.rmaNumber();
      case "EXCHANGE" -> "Ihr Umtausch zur Retoure " + record.rmaNumber();
      default -> "Ihre Retoure " + record.rmaNumber() + " ist abgeschlossen";
    } : switch (outcome) {
      case "REFUNDED" -> "Your refund for return " + record.rmaNumber();
      case "STORE_CREDIT" -> "Store credit for return " + record.rmaNumber();
      case "EXCHANGE" -> "Your exchange for return " + record.rmaNumber();
      default -> "Your return " + record.rmaNumber() + " is closed";
    };
    return send(record, Purpose.OUTCOME, occasion, subject, model, List.of());
  }

  /** {@code labelVoided}: the label the customer got is void now, so the email says so with its tracking number. */
  public String sendCancellation(ReturnRecord record, boolean labelVoided) {
    Map<String, Object> model = Map.of("labelVoided", labelVoided, "tracking",
        record.label() == null || record.label().trackingNumber() == null ? "" : record.label().trackingNumber());
    return send(record, Purpose.CANCELLATION, german(record)
        ? "Ihre Retoure " + record.rmaNumber() + " ist storniert"
        : "Your return " + record.rmaNumber() + " is cancelled", model,
        List.of());
  }

  private String send(ReturnRecord record, Purpose purpose, String subject, Map<String, Object> model,
      List<EmailSender.Attachment> attachments) {
    return send(record, purpose, null, subject, model, attachments);
  }

  private String send(ReturnRecord record, Purpose purpose, String occasion, String subject,
      Map<String, Object> model, List<EmailSender.Attachment> attachments) {
    Context context = new Context(german(record) ? Locale.GERMAN : Locale.ENGLISH);
    context.setVariables(model);
    context.setVariable("name", record.customer().name());
    context.setVariable("rma", record.rmaNumber());
    context.setVariable("signature", settings.signature());
    context.setVariable("statusLink", links.statusPage(record.rmaNumber()).orElse(null));
    String messageId = occasion == null
        ? messageId(record.rmaNumber(), purpose)
        : "<" + record.rmaNumber() + "." + purpose.template + "." + occasion.toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_-]", "-") + "@openrma>";
    sender.send(new EmailSender.Email(messageId, record.customer().email(), record.customer().name(), subject,
        templates.process(template(record, purpose), context),
        templates.process(template(record, purpose) + ".txt", context), attachments));
    return messageId;
  }

  /**
   * The customer's language: German templates ({@code mail/<purpose>_de}) and subjects for a German customer,
   * English for everyone else (the languages the portal speaks).
   */
  private static boolean german(ReturnRecord record) {
    return Locale.GERMAN.getLanguage().equals(record.locale().getLanguage());
  }

  private static String template(ReturnRecord record, Purpose purpose) {
    return "mail/" + purpose.template + (german(record) ? "_de" : "");
  }

  private static String carrierName(String carrier) {
    if (carrier == null) {
      return "the carrier";
    }
    return switch (carrier.toLowerCase(Locale.ROOT)) {
      case "fedex" -> "FedEx";
      case "ups" -> "UPS";
      case "usps", "stamps_com" -> "USPS";
      case "dhl_express" -> "DHL Express";
      default -> carrier;
    };
  }
}
