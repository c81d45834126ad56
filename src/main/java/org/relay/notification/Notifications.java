package org.relay.notification;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.relay.catalog.Catalog;
import org.relay.common.Money;
import org.relay.common.RelayProperties;
import org.relay.emailaction.ActionLink;
import org.relay.emailaction.EmailActions;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralTimeline;
import org.relay.scoring.ReferrerScore;
import org.relay.scoring.ReferrerStanding;
import org.relay.scoring.ReferrerStandings;
import org.relay.calendar.BusinessCalendars;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders and sends the lifecycle's emails (Thymeleaf, HTML with a plain-text alternative; every value escaped),
 * one mail per recipient so each carries their own action links. Called only from async service tasks. A mail
 * already sent for the same event and recipient is not sent again, so a retried job does not repeat it.
 */
@Component
public class Notifications {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private final TemplateEngine templates;
    private final MailDelivery delivery;
    private final SentLog sentLog;
    private final IdentityService identityService;
    private final ReferralTimeline timeline;
    private final EmailActions emailActions;
    private final BusinessCalendars calendars;
    private final Catalog catalog;
    private final RelayProperties properties;
    private final ReferrerStandings standings;

    Notifications(TemplateEngine templates, MailDelivery delivery, SentLog sentLog, IdentityService identityService,
                  ReferralTimeline timeline, EmailActions emailActions,
                  BusinessCalendars calendars, Catalog catalog, RelayProperties properties, ReferrerStandings standings) {
        this.standings = standings;
        this.templates = templates;
        this.delivery = delivery;
        this.sentLog = sentLog;
        this.identityService = identityService;
        this.timeline = timeline;
        this.emailActions = emailActions;
        this.calendars = calendars;
        this.catalog = catalog;
        this.properties = properties;
    }

    /** "A referral is waiting for your decision": to the assignee, or each member of the queue, with action links. */
    public void referralAssigned(Referral referral, Task review) {
        String subject = assignedSubject(referral);
        ReferrerRecord record = referrerRecord(referral);
        for (User user : recipientsOf(review.getAssignee(), referral.getQueueId())) {
            send(referral, "assigned:" + review.getId(), user, "referral-assigned", subject,
                    withActionLinks(review, user), ReferralEventType.NOTIFIED, record);
        }
    }

    /** "Still waiting for your decision", with the same one-click links. */
    public void reviewReminder(Referral referral, Task review) {
        String subject = "Reminder: referral " + referral.getReferenceNumber() + " is waiting for your decision";
        ReferrerRecord record = referrerRecord(referral);
        for (User user : recipientsOf(review.getAssignee(), referral.getQueueId())) {
            send(referral, "reminder:" + review.getId(), user, "review-reminder", subject,
                    withActionLinks(review, user), ReferralEventType.REMINDED, record);
        }
    }

    /** An accepted referral sits without an outcome. To the manager queue. */
    public void idleEscalation(Referral referral, String eventKey, String managerQueue, String detail) {
        managerAlert(referral, eventKey, managerQueue, "Idle referral " + referral.getReferenceNumber()
                + " (" + referral.getOwnerId() + ")", "accepted, but nothing has happened since", detail);
    }

    /** Nobody in the queue has claimed it by the warning time. To the manager queue. */
    public void unclaimedOverdue(Referral referral, String eventKey, String managerQueue, String detail) {
        managerAlert(referral, eventKey, managerQueue, "Unclaimed referral " + referral.getReferenceNumber() + " in "
                + referral.getQueueId(), "nobody has claimed it from the queue", detail);
    }

    private void managerAlert(Referral referral, String eventKey, String managerQueue, String subject, String headline,
                              String detail) {
        ReferrerRecord record = referrerRecord(referral);
        for (User user : recipientsOf(null, managerQueue)) {
            send(referral, eventKey, user, "manager-alert", subject, Map.of("headline", headline, "detail", detail),
                    ReferralEventType.NOTIFIED, record);
        }
    }

    private String assignedSubject(Referral referral) {
        String product = catalog.productLabel(referral.getExpressedInterest()).toLowerCase(Locale.ROOT);
        String what = product + " referral " + referral.getReferenceNumber() + ": " + referral.getCustomer().getName();
        return switch (referral.getRoutingBasis() == null ? "" : referral.getRoutingBasis()) {
            case "ESCALATED" -> "Escalated to your queue: " + what;
            case "REASSIGNED" -> "Reassigned to you: " + what;
            case "NOBODY_LEFT" -> "Rejected by everyone, now with your queue: " + what;
            default -> "New " + what;
        };
    }

    private Map<String, Object> withActionLinks(Task review, User user) {
        Map<String, Object> links = new HashMap<>();
        links.put("taskLink", properties.tasklistLink(review.getId()));
        links.put("acceptLink", emailActions.linkFor(review.getId(), user.getId(), ActionLink.Action.ACCEPT));
        links.put("rejectLink", emailActions.linkFor(review.getId(), user.getId(), ActionLink.Action.REJECT));
        return links;
    }

    private void send(Referral referral, String eventKey, User user, String template, String subject,
                      Map<String, Object> model, ReferralEventType event, ReferrerRecord record) {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return;
        }
        sendTo(referral, eventKey, user.getEmail(), template, subject, model, event, record);
    }

    private void sendTo(Referral referral, String eventKey, String email, String template, String subject,
                        Map<String, Object> model, ReferralEventType event, ReferrerRecord record) {
        if (sentLog.wasSent(eventKey, email)) {
            return;
        }
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("referral", referral);
        context.setVariable("product", catalog.productLabel(referral.getExpressedInterest()));
        context.setVariable("recordType", catalog.recordTypeLabel(referral.getRecordType()));
        context.setVariable("interestValue",
                Money.format(referral.getInterestAmount(), referral.getInterestCurrency(), "not given"));
        context.setVariable("dueBy", formatDue(referral, referral.getReviewDueAt()));
        context.setVariable("referrerRecord", record);
        context.setVariable("leadScore", org.relay.scoring.LeadScore.summary(referral.getLeadScore(),
                referral.getLeadScoreFactors(), referral.getLeadScoreModel()));
        context.setVariable("taskLink", properties.publicUrl() + "/referrals/" + referral.getReferenceNumber() + "/task");
        context.setVariables(model);
        String text = templates.process("mail/" + template + ".txt", context);
        String html = templates.process("mail/" + template, context);
        delivery.send(new MailMessage(List.of(email), subject, text, html));
        sentLog.sent(referral.getId(), eventKey, email, subject);
        timeline.record(referral, event, null, template, "Mail to " + email + ": " + subject);
    }

    /** The named user if there is one, otherwise every member of the queue. */
    private List<User> recipientsOf(String userId, String queueId) {
        if (userId != null) {
            return identityService.createUserQuery().userId(userId).list();
        }
        return queueId == null ? List.of() : identityService.createUserQuery().memberOfGroup(queueId).list();
    }

    /**
     * From the referrer's standing (one row, kept current whenever one of their referrals is decided) rather than
     * counting their referrals for every mail: a busy referrer has thousands.
     */
    private ReferrerRecord referrerRecord(Referral referral) {
        String id = referral.getReferrer().getId();
        return (id == null ? java.util.Optional.<ReferrerStanding>empty() : standings.of(id))
                .map(standing -> new ReferrerRecord(standing.getDecided(), standing.getConverted(), standing.getScore()))
                .orElseGet(() -> new ReferrerRecord(0, 0, ReferrerScore.NO_RECORD));
    }

    private String formatDue(Referral referral, Instant due) {
        if (due == null) {
            return null;
        }
        return DUE.format(due.atZone(calendars.forRegion(referral.getCustomer().getRegion()).zone()));
    }

    /** How a referrer's decided referrals have turned out so far, and their referrer score. */
    public record ReferrerRecord(long decided, long converted, int score) {

        public String summary() {
            return "referrer score " + score + "; "
                    + (decided == 0 ? "none of their referrals decided yet" : converted + " of " + decided + " decided referrals converted");
        }
    }
}
