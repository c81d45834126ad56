package org.relay.notification;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.relay.catalog.Catalog;
import org.relay.common.RelayProperties;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders and sends the lifecycle's emails (Thymeleaf templates in {@code templates/mail/}, HTML escaped) and notes
 * each on the referral's timeline. Called only from async service tasks, never from a task listener.
 */
@Component
public class Notifications {

    private final TemplateEngine templates;
    private final MailDelivery delivery;
    private final IdentityService identityService;
    private final ReferralTimeline timeline;
    private final Catalog catalog;
    private final RelayProperties properties;

    Notifications(TemplateEngine templates, MailDelivery delivery, IdentityService identityService,
                  ReferralTimeline timeline, Catalog catalog, RelayProperties properties) {
        this.templates = templates;
        this.delivery = delivery;
        this.identityService = identityService;
        this.timeline = timeline;
        this.catalog = catalog;
        this.properties = properties;
    }

    /** "A referral is waiting for you / your queue." */
    public void referralAssigned(Referral referral) {
        String subject = "New " + catalog.productLabel(referral.getExpressedInterest()).toLowerCase(Locale.ROOT)
                + " referral " + referral.getReferenceNumber() + ": " + referral.getCustomer().getName();
        send(referral, "referral-assigned", subject, recipients(referral.getOwnerId(), referral.getQueueId()),
                Map.of(), ReferralEventType.NOTIFIED);
    }

    /** "Still waiting for your decision." */
    public void reviewReminder(Referral referral) {
        String subject = "Reminder: referral " + referral.getReferenceNumber() + " is waiting for your decision";
        send(referral, "review-reminder", subject, recipients(referral.getOwnerId(), referral.getQueueId()),
                Map.of(), ReferralEventType.REMINDED);
    }

    /** "Nothing has happened on this accepted referral." Sent to the manager queue. */
    public void idleEscalation(Referral referral, String managerQueue, String detail) {
        String subject = "Idle referral " + referral.getReferenceNumber() + " (" + referral.getOwnerId() + ")";
        send(referral, "manager-alert", subject, recipients(null, managerQueue),
                Map.of("headline", "accepted, but nothing has happened since", "detail", detail),
                ReferralEventType.NOTIFIED);
    }

    /** "Nobody has claimed this referral from the queue." Sent to the manager queue. */
    public void unclaimedOverdue(Referral referral, String managerQueue, String detail) {
        String subject = "Unclaimed referral " + referral.getReferenceNumber() + " in " + referral.getQueueId();
        send(referral, "manager-alert", subject, recipients(null, managerQueue),
                Map.of("headline", "nobody has claimed it from the queue", "detail", detail),
                ReferralEventType.NOTIFIED);
    }

    private void send(Referral referral, String template, String subject, List<String> to,
                      Map<String, Object> extra, ReferralEventType event) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("referral", referral);
        context.setVariable("product", catalog.productLabel(referral.getExpressedInterest()));
        context.setVariable("recordType", catalog.recordTypeLabel(referral.getRecordType()));
        context.setVariable("interestValue", formatValue(referral));
        context.setVariable("taskLink", properties.publicUrl() + "/referrals/" + referral.getReferenceNumber() + "/task");
        context.setVariables(extra);
        String text = templates.process("mail/" + template + ".txt", context);
        String html = templates.process("mail/" + template, context);
        delivery.send(new MailMessage(to, subject, text, html));
        timeline.record(referral, event, null, template, "Mail to " + String.join(", ", to) + ": " + subject);
    }

    /** The named user if there is one, otherwise every member of the queue. */
    private List<String> recipients(String userId, String queueId) {
        List<User> users = userId != null
                ? identityService.createUserQuery().userId(userId).list()
                : identityService.createUserQuery().memberOfGroup(queueId).list();
        return users.stream().map(User::getEmail).filter(Objects::nonNull).filter(e -> !e.isBlank()).toList();
    }

    private static String formatValue(Referral referral) {
        if (referral.getInterestAmount() == null) {
            return "not given";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(2);
        return referral.getInterestCurrency() + " " + format.format(referral.getInterestAmount());
    }
}
