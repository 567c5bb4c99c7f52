package io.openrma.integrations.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openrma.integrations.IntegrationMode;
import io.openrma.integrations.shipping.SimplePdf;
import io.openrma.returns.Address;
import io.openrma.returns.Customer;
import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.Label;
import io.openrma.returns.OrderReference;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnRecords;
import io.openrma.returns.ReturnStatus;
import io.openrma.support.Templates;
import io.openrma.support.standins.FlakyTcpProxy;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Customer emails over real SMTP, into GreenMail. No application context, only Boot's template engine. */
class SmtpEmailSenderTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final byte[] PDF = SimplePdf.page(List.of("RETURN LABEL", "794698437521"));
  static final MailSettings SETTINGS = new MailSettings(IntegrationMode.LIVE, "returns@shop.example", "Shop Returns",
      "Your returns team");

  private FlakyTcpProxy network;

  @BeforeEach
  void network() {
    network = new FlakyTcpProxy(greenMail.getSmtp().getPort());
  }

  @AfterEach
  void closeNetwork() {
    network.close();
  }

  private CustomerEmails emails(int timeoutMillis) {
    JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    smtp.setHost("127.0.0.1");
    smtp.setPort(network.port());
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis));
    properties.setProperty("mail.smtp.timeout", String.valueOf(timeoutMillis));
    properties.setProperty("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
    smtp.setJavaMailProperties(properties);
    return new CustomerEmails(new SmtpEmailSender(smtp, SETTINGS), SETTINGS, Templates.engine());
  }

  @Test
  void theLabelEmailHasHtmlAndTextThePdfAndAMessageIdOfRmaAndPurpose() throws Exception {
    String messageId = emails(5000).sendReturnLabel(record("RMA-004711"), PDF, Duration.ofDays(30));

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(messageId).isEqualTo("<RMA-004711.return-label@openrma>");
    assertThat(mail.getMessageID()).isEqualTo(messageId);
    assertThat(mail.getSubject()).isEqualTo("Your return RMA-004711: label and instructions");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("Shop Returns <returns@shop.example>");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("Ada Lovelace <ada@example.com>");
    List<Part> parts = leaves(mail);
    assertThat(parts).extracting(part -> part.getContentType().replaceAll(";.*", "").toLowerCase())
        .containsExactlyInAnyOrder("text/plain", "text/html", "application/pdf");
    Part text = parts.stream().filter(p -> type(p, "text/plain")).findFirst().orElseThrow();
    assertThat((String) text.getContent()).contains("RMA-004711", "FedEx", "794698437521", "30 days", "Red shirt M");
    Part html = parts.stream().filter(p -> type(p, "text/html")).findFirst().orElseThrow();
    assertThat((String) html.getContent()).contains("<", "RMA-004711", "794698437521");
    Part pdf = parts.stream().filter(p -> type(p, "application/pdf")).findFirst().orElseThrow();
    assertThat(pdf.getFileName()).isEqualTo("return-label-RMA-004711.pdf");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    pdf.getInputStream().transferTo(bytes);
    assertThat(bytes.toByteArray()).isEqualTo(PDF);
  }

  @Test
  void aCustomerWhoAskedInGermanGetsTheEmailsInGerman() throws Exception {
    ReturnRecord record = record("RMA-004714");
    ReflectionTestUtils.setField(record, "locale", "de");

    emails(5000).sendReturnLabel(record, PDF, Duration.ofDays(30));
    emails(5000).sendReminder(record, Duration.ofDays(16));

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).extracting(MimeMessage::getSubject).containsExactly(
        "Ihre Retoure RMA-004714: Etikett und Anleitung", "Erinnerung: bitte schicken Sie Ihre Retoure RMA-004714 ab");
    Part text = leaves(received[0]).stream().filter(p -> type(p, "text/plain")).findFirst().orElseThrow();
    assertThat((String) text.getContent()).contains("Hallo Ada Lovelace", "Sendungsnummer: 794698437521",
        "innerhalb von 30 Tagen").doesNotContain("Hello", "within");
    Part html = leaves(received[1]).stream().filter(p -> type(p, "text/html")).findFirst().orElseThrow();
    assertThat((String) html.getContent()).contains("lang=\"de\"", "Noch <span>16 Tage</span>");
  }

  @Test
  void aConnectionResetIsAFailureAndTheNextAttemptSendsTheSameEmailOnce() throws Exception {
    network.resetNext(1);
    CustomerEmails emails = emails(5000);

    assertThatThrownBy(() -> emails.sendRejection(record("RMA-004712"), "Outside the return window"))
        .isInstanceOf(MailException.class);
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    emails.sendRejection(record("RMA-004712"), "Outside the return window");

    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(greenMail.getReceivedMessages()[0].getMessageID()).isEqualTo("<RMA-004712.rejection@openrma>");
  }

  @Test
  void aServerThatDoesNotAnswerTimesOut() {
    network.silenceNext(1);
    long started = System.nanoTime();

    assertThatThrownBy(() -> emails(500).sendRejection(record("RMA-004713"), "Outside the return window"))
        .isInstanceOf(MailException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  private static boolean type(Part part, String type) {
    try {
      return part.getContentType().toLowerCase().startsWith(type);
    } catch (Exception e) {
      return false;
    }
  }

  private static List<Part> leaves(Part part) throws Exception {
    List<Part> leaves = new ArrayList<>();
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        leaves.addAll(leaves(child));
      }
    } else {
      leaves.add(part);
    }
    return leaves;
  }

  static ReturnRecord record(String rmaNumber) {
    OrderReference order = new OrderReference("SO-4711", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 5), "EUR",
        10_000, 490, "pi_3QxStandin", null, "cus_QxA");
    Customer customer = new Customer("C-1", "Ada Lovelace", "ada@example.com", null,
        new Address("12 Analytical St", null, "London", null, "N1 9GU", "GB"));
    List<ReturnLine> lines = List.of(new ReturnLine(1, "SKU-RED-M", "Red shirt M", ItemCategory.GENERAL, 1, 1, 4_000,
        0, 760, ReturnReason.DOES_NOT_FIT, null, ItemCondition.NEW, null, null, null));
    Label label = new Label("se-1", "fedex", "fedex_ground", "794698437521", "https://labels.example/1.pdf",
        Instant.parse("2026-01-06T10:00:00Z"));
    return ReturnRecords.of(1, rmaNumber, ReturnStatus.LABEL_ISSUED, Resolution.REFUND, order, customer, label, lines,
        "carl", Instant.parse("2026-01-06T09:00:00Z"));
  }
}
