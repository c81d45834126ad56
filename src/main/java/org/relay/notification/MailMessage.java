package org.relay.notification;

import java.util.List;

/** A rendered email: plain text and HTML alternatives of the same content, and files attached to it. */
public record MailMessage(List<String> to, String subject, String text, String html, List<Attachment> attachments) {

    public MailMessage(List<String> to, String subject, String text, String html) {
        this(to, subject, text, html, List.of());
    }

    public MailMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A file attached to a mail, e.g. a calendar invitation (invite.ics, text/calendar; method=REQUEST). */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
