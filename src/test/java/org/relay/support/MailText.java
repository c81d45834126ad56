package org.relay.support;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.assertj.core.api.Assertions;

/** The plain-text part of a mail Relay sent (text and HTML alternatives, attachments such as an .ics beside them). */
public final class MailText {

    private MailText() {
    }

    public static String of(MimeMessage mail) throws Exception {
        String found = mail.getContent() instanceof MimeMultipart multipart ? find(multipart) : (String) mail.getContent();
        Assertions.assertThat(found).as("text/plain part").isNotNull();
        return found;
    }

    private static String find(MimeMultipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                String found = find(nested);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
        }
        return null;
    }
}
