package io.openrma.integrations.notifications;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends emails over SMTP ({@code spring.mail.*}): HTML and text alternatives, attachments, and the
 * deterministic Message-ID the caller chose (JavaMail would otherwise invent one per attempt).
 */
public class SmtpEmailSender implements EmailSender {

  private final JavaMailSenderImpl mailSender;
  private final MailSettings settings;

  public SmtpEmailSender(JavaMailSenderImpl mailSender, MailSettings settings) {
    this.mailSender = mailSender;
    this.settings = settings;
  }

  @Override
  public void send(Email email) {
    MimeMessage message = new MimeMessage(mailSender.getSession()) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", email.messageId());
      }
    };
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(settings.from(), settings.fromName());
      helper
          .setTo(new jakarta.mail.internet.InternetAddress(email.to(), email.toName(), StandardCharsets.UTF_8.name()));
      helper.setSubject(email.subject());
      helper.setText(email.text(), email.html());
      for (Attachment attachment : email.attachments()) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
            attachment.contentType());
      }
      base64Attachments(helper.getRootMimeMultipart());
    } catch (MessagingException | java.io.UnsupportedEncodingException e) {
      throw new MailSendException("Cannot build email " + email.messageId() + ": " + e.getMessage(), e);
    }
    mailSender.send(message);
  }

  /**
   * A PDF made of ASCII only (like the simulated label) would otherwise travel as 7bit, and SMTP turns
   * its line ends into CRLF on the way: the customer would get a different, damaged file.
   */
  private static void base64Attachments(jakarta.mail.internet.MimeMultipart multipart) throws MessagingException {
    for (int i = 0; i < multipart.getCount(); i++) {
      jakarta.mail.BodyPart part = multipart.getBodyPart(i);
      if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        part.setHeader("Content-Transfer-Encoding", "base64");
      }
    }
  }
}
