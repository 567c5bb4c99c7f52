package io.openrma.integrations.notifications;

import java.util.List;

/** Sends an email; SMTP in production. */
public interface EmailSender {

  void send(Email email);

  /**
   * @param messageId deterministic per RMA and purpose ({@code <RMA-001234.return-label@openrma>}) so that
   *                  mail systems and tests recognise a resend
   */
  record Email(String messageId, String to, String toName, String subject, String html, String text,
      List<Attachment> attachments) {
  }

  record Attachment(String fileName, String contentType, byte[] content) {
  }
}
