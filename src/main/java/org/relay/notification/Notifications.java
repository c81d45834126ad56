package org.relay.notification;

import org.relay.i18n.StoredSentence;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogLabels;
import org.relay.i18n.LocalFormats;
import org.relay.i18n.Texts;
import org.relay.i18n.UserLanguages;
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
    private final CatalogLabels labels;
    private final UserLanguages userLanguages;
    private final LocalFormats formats;
    private final Texts texts;
    private final org.relay.i18n.StoredSentences storedSentences;

    Notifications(TemplateEngine templates, MailDelivery delivery, SentLog sentLog, IdentityService identityService,
                  ReferralTimeline timeline, EmailActions emailActions,
                  BusinessCalendars calendars, Catalog catalog, RelayProperties properties, ReferrerStandings standings,
                  CatalogLabels labels, UserLanguages userLanguages, LocalFormats formats, Texts texts,
                  org.relay.i18n.StoredSentences storedSentences) {
        this.storedSentences = storedSentences;
        this.labels = labels;
        this.userLanguages = userLanguages;
        this.formats = formats;
        this.texts = texts;
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
        ReferrerRecord record = referrerRecord(referral);
        for (User user : recipientsOf(review.getAssignee(), referral.getQueueId())) {
            send(referral, "assigned:" + review.getId(), user, "referral-assigned", language -> assignedSubject(referral, language),
                    withActionLinks(review, user), ReferralEventType.NOTIFIED, record);
        }
    }

    /** "Still waiting for your decision", with the same one-click links. */
    public void reviewReminder(Referral referral, Task review) {
        ReferrerRecord record = referrerRecord(referral);
        for (User user : recipientsOf(review.getAssignee(), referral.getQueueId())) {
            send(referral, "reminder:" + review.getId(), user, "review-reminder",
                    language -> texts.get("mail.review-reminder.subject", language, referral.getReferenceNumber()),
                    withActionLinks(review, user), ReferralEventType.REMINDED, record);
        }
    }

    /** An accepted referral sits without an outcome. To the manager queue. */
    public void idleEscalation(Referral referral, String eventKey, String managerQueue, String detail) {
        managerAlert(referral, eventKey, managerQueue, "idle", referral.getOwnerId(), detail);
    }

    /** Nobody in the queue has claimed it by the warning time. To the manager queue. */
    public void unclaimedOverdue(Referral referral, String eventKey, String managerQueue, String detail) {
        managerAlert(referral, eventKey, managerQueue, "unclaimed", referral.getQueueId(), detail);
    }

    /** @param kind idle or unclaimed: the keys mail.manager-alert.{kind}.subject / .headline; {@code who} is in the subject */
    private void managerAlert(Referral referral, String eventKey, String managerQueue, String kind, String who,
                              String detail) {
        ReferrerRecord record = referrerRecord(referral);
        for (User user : recipientsOf(null, managerQueue)) {
            send(referral, eventKey, user, "manager-alert",
                    language -> texts.get("mail.manager-alert." + kind + ".subject", language, referral.getReferenceNumber(), who),
                    Map.of("headline", texts.get("mail.manager-alert." + kind + ".headline", userLanguages.of(user.getId())),
                            "detail", storedSentences.word(detail, userLanguages.of(user.getId()))),
                    ReferralEventType.NOTIFIED, record);
        }
    }

    private String assignedSubject(Referral referral, Locale language) {
        String product = labels.product(referral.getExpressedInterest(), language);
        String basis = switch (referral.getRoutingBasis() == null ? "" : referral.getRoutingBasis()) {
            case "ESCALATED" -> "escalated";
            case "REASSIGNED" -> "reassigned";
            case "NOBODY_LEFT" -> "nobody-left";
            default -> "new";
        };
        // English lower-cases the product inside the sentence ("New mortgage referral"); French and German do not
        return texts.get("mail.referral-assigned.subject." + basis, language,
                language.getLanguage().equals("en") ? product.toLowerCase(Locale.ROOT) : product,
                referral.getReferenceNumber(), referral.getCustomer().getName());
    }

    private Map<String, Object> withActionLinks(Task review, User user) {
        Map<String, Object> links = new HashMap<>();
        links.put("taskLink", properties.tasklistLink(review.getId()));
        links.put("acceptLink", emailActions.linkFor(review.getId(), user.getId(), ActionLink.Action.ACCEPT));
        links.put("rejectLink", emailActions.linkFor(review.getId(), user.getId(), ActionLink.Action.REJECT));
        return links;
    }

    /** One mail to one colleague, in their own language (subject included). */
    private void send(Referral referral, String eventKey, User user, String template,
                      java.util.function.Function<Locale, String> subjectIn, Map<String, Object> model,
                      ReferralEventType event, ReferrerRecord record) {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return;
        }
        Locale language = userLanguages.of(user.getId());
        sendTo(referral, eventKey, user.getEmail(), template, subjectIn.apply(language), model, event, record, language);
    }

    private void sendTo(Referral referral, String eventKey, String email, String template, String subject,
                        Map<String, Object> model, ReferralEventType event, ReferrerRecord record, Locale language) {
        if (sentLog.wasSent(eventKey, email)) {
            return;
        }
        Context context = new Context(language);
        context.setVariable("referral", referral);
        context.setVariable("product", labels.product(referral.getExpressedInterest(), language));
        context.setVariable("recordType", labels.label(CatalogLabels.Kind.RECORD_TYPE, referral.getRecordType(), language));
        context.setVariable("interestValue", formats.money(referral.getInterestAmount(), referral.getInterestCurrency(),
                language, texts.get("mail.value.not-given", language)));
        context.setVariable("dueBy", formatDue(referral, referral.getReviewDueAt(), language));
        context.setVariable("referrerRecord", record);
        context.setVariable("referrerSummary", record.summary(texts, language));
        context.setVariable("leadScore", storedSentences.word(org.relay.scoring.LeadScore.stored(referral.getLeadScore(),
                referral.getLeadScoreFactors(), referral.getLeadScoreModel()), language));
        context.setVariable("routingReason", storedSentences.word(referral.getRoutingReason(), language));
        context.setVariable("taskLink", properties.publicUrl() + "/referrals/" + referral.getReferenceNumber() + "/task");
        context.setVariables(model);
        String text = templates.process("mail/" + template + ".txt", context);
        String html = templates.process("mail/" + template, context);
        delivery.send(new MailMessage(List.of(email), subject, text, html));
        sentLog.sent(referral.getId(), eventKey, email, subject);
        timeline.record(referral, event, null, template, StoredSentence.of("timeline.mail-to", email, subject));
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

    private String formatDue(Referral referral, Instant due, Locale language) {
        return formats.dateTime(due, calendars.forRegion(referral.getCustomer().getRegion()).zone(), language);
    }

    /** How a referrer's decided referrals have turned out so far, and their referrer score. */
    public record ReferrerRecord(long decided, long converted, int score) {

        public String summary() {
            return "referrer score " + score + "; "
                    + (decided == 0 ? "none of their referrals decided yet" : converted + " of " + decided + " decided referrals converted");
        }

        /** {@link #summary()} in a language (mail.referrer-record.*). */
        public String summary(Texts texts, Locale language) {
            return decided == 0 ? texts.get("mail.referrer-record.none", language, score)
                    : texts.get("mail.referrer-record.some", language, score, converted, decided);
        }
    }
}
