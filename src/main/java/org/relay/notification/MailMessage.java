package org.relay.notification;

import java.util.List;

/** A rendered email: plain text and HTML alternatives of the same content. */
public record MailMessage(List<String> to, String subject, String text, String html) {
}
