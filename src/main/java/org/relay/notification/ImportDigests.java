package org.relay.notification;

import org.relay.i18n.StoredSentence;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.relay.catalog.CatalogLabels;
import org.relay.i18n.LocalFormats;
import org.relay.i18n.Texts;
import org.relay.i18n.UserLanguages;
import org.relay.common.RelayProperties;
import org.relay.emailaction.ActionLink;
import org.relay.emailaction.EmailActions;
import org.relay.intake.ImportedLeads;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.LeadGrade;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The digest mails of a CSV import: one mail per recipient (each member of a queue when a lead went to the whole
 * queue) listing their new referrals from this import, best first, each with its Tasklist link and the recipient's
 * own signed Accept/Reject links. What a mail lists is read from Relay when it is sent: only referrals still waiting
 * for the review of their first routing, and of those only the ones not yet announced to this recipient (the
 * sent log holds one mark per referral's review task and recipient, as the single mail does), so a retried job, a
 * later window and a single mail never announce the same task twice.
 */
@Component
class ImportDigests {

    /** One referral in a digest. */
    public record Line(String referenceNumber, String customer, String product, String value, String grade,
                       boolean queueWide, String queue, String taskLink, String acceptLink, String rejectLink) {
    }

    /** A review task waiting for a recipient, before the mail is rendered. */
    private record Pending(Long referralId, String taskId, int priority, Line line, Interest interest) {
    }

    /** What a line's product and value are made of, worded per recipient's language when the mail is written. */
    private record Interest(String product, java.math.BigDecimal amount, String currency) {
    }

    private static final int CHUNK = 500;

    private final ImportedLeads leads;
    private final ReferralRepository referrals;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final TemplateEngine templates;
    private final MailDelivery delivery;
    private final SentLog sentLog;
    private final ReferralTimeline timeline;
    private final EmailActions emailActions;
    private final RelayProperties properties;
    private final int maxLines;
    private final CatalogLabels labels;
    private final UserLanguages userLanguages;
    private final LocalFormats formats;
    private final Texts texts;

    @PersistenceContext
    private EntityManager entityManager;

    ImportDigests(ImportedLeads leads, ReferralRepository referrals, TaskService taskService,
                  IdentityService identityService, TemplateEngine templates, MailDelivery delivery, SentLog sentLog,
                  ReferralTimeline timeline, EmailActions emailActions, RelayProperties properties,
                  @Value("${relay.imports.digest.max-lines:200}") int maxLines, CatalogLabels labels,
                  UserLanguages userLanguages, LocalFormats formats, Texts texts) {
        this.labels = labels;
        this.userLanguages = userLanguages;
        this.formats = formats;
        this.texts = texts;
        this.leads = leads;
        this.referrals = referrals;
        this.taskService = taskService;
        this.identityService = identityService;
        this.templates = templates;
        this.delivery = delivery;
        this.sentLog = sentLog;
        this.timeline = timeline;
        this.emailActions = emailActions;
        this.properties = properties;
        this.maxLines = maxLines;
    }

    /** Sends this import's digest for everything routed so far; returns how many mails went out. */
    int send(Long importId) {
        if (!leads.digested(importId)) {
            return 0;
        }
        Map<String, List<Pending>> byUser = waitingByRecipient(leads.waitingForFirstReview(importId));
        String source = leads.describe(importId);
        int mails = 0;
        for (Map.Entry<String, List<Pending>> entry : byUser.entrySet()) {
            if (mailTo(entry.getKey(), entry.getValue(), source)) {
                mails++;
            }
        }
        return mails;
    }

    /** Each waiting review task under every user it waits for: its assignee, or each member of its queue. */
    private Map<String, List<Pending>> waitingByRecipient(List<Long> referralIds) {
        Map<String, List<Pending>> byUser = new LinkedHashMap<>();
        Map<String, List<String>> membersByQueue = new HashMap<>();
        Map<String, String> queueNames = new HashMap<>();
        for (int from = 0; from < referralIds.size(); from += CHUNK) {
            Map<String, Referral> byInstance = new HashMap<>();
            for (Referral referral : referrals.findAllById(referralIds.subList(from, Math.min(from + CHUNK, referralIds.size())))) {
                byInstance.put(referral.getProcessInstanceId(), referral);
            }
            List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(LifecycleVariables.PROCESS_KEY)
                    .taskDefinitionKey(LifecycleVariables.REVIEW_TASK)
                    .processInstanceIdIn(byInstance.keySet().toArray(String[]::new)).list();
            for (Task task : tasks) {
                Referral referral = byInstance.get(task.getProcessInstanceId());
                boolean queueWide = task.getAssignee() == null;
                List<String> users = queueWide
                        ? membersByQueue.computeIfAbsent(referral.getQueueId(), this::membersOf)
                        : List.of(task.getAssignee());
                Line line = lineOf(referral, task, queueWide,
                        queueWide ? queueNames.computeIfAbsent(referral.getQueueId(), this::queueName) : null);
                Interest interest = new Interest(referral.getExpressedInterest(), referral.getInterestAmount(),
                        referral.getInterestCurrency());
                for (String user : users) {
                    byUser.computeIfAbsent(user, u -> new ArrayList<>())
                            .add(new Pending(referral.getId(), task.getId(), task.getPriority(), line, interest));
                }
            }
            // hundreds of thousands of leads: keep only the lines, not the entities
            entityManager.clear();
        }
        return byUser;
    }

    private boolean mailTo(String userId, List<Pending> pending, String source) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
            return false;
        }
        String email = user.getEmail();
        Set<String> announced = sentLog.alreadySent(pending.stream().map(p -> eventKey(p.taskId())).toList(), email);
        List<Pending> fresh = pending.stream().filter(p -> !announced.contains(eventKey(p.taskId())))
                .sorted(Comparator.comparingInt(Pending::priority).reversed()
                        .thenComparing(p -> p.line().referenceNumber()))
                .toList();
        if (fresh.isEmpty()) {
            return false;
        }
        // the recipient's language, looked up once per mail (not per lead)
        Locale language = userLanguages.of(userId);
        List<Line> lines = fresh.stream().limit(maxLines).map(p -> withLinks(p, userId, language)).toList();
        String subject = fresh.size() == 1
                ? texts.get("mail.import-digest.subject.one", language, source, fresh.get(0).line().referenceNumber())
                : texts.get("mail.import-digest.subject.many", language, fresh.size(), source);
        Context context = new Context(language);
        context.setVariable("name", user.getFirstName());
        context.setVariable("source", source);
        context.setVariable("intro", texts.get("mail.import-digest.intro", language, fresh.size(), source));
        context.setVariable("lines", lines);
        context.setVariable("notListed", fresh.size() - lines.size());
        context.setVariable("tasklistLink", properties.publicUrl() + "/camunda/app/tasklist/default/");
        delivery.send(new MailMessage(List.of(email), subject, templates.process("mail/import-digest.txt", context),
                templates.process("mail/import-digest", context)));
        Map<String, Long> marks = new LinkedHashMap<>();
        fresh.forEach(p -> marks.put(eventKey(p.taskId()), p.referralId()));
        sentLog.sentAll(marks, email, subject);
        timeline.recordAll(fresh.stream().map(Pending::referralId).toList(), ReferralEventType.NOTIFIED, null,
                "import-digest", StoredSentence.of("timeline.mail-to", email, subject));
        return true;
    }

    /** The single mail's key: a task announced by one is never announced again by the other. */
    private static String eventKey(String taskId) {
        return "assigned:" + taskId;
    }

    private Line lineOf(Referral referral, Task task, boolean queueWide, String queueName) {
        // product and value are worded per recipient's language when the mail is written (withLinks)
        return new Line(referral.getReferenceNumber(), referral.getCustomer().getName(), null, null,
                referral.getLeadScore() == null ? "—" : LeadGrade.of(referral.getLeadScore()) + " " + referral.getLeadScore(),
                queueWide, queueName, properties.tasklistLink(task.getId()), null, null);
    }

    /** The recipient's own one-click links: signed for this user and task, so a queue member's work only for them. */
    private Line withLinks(Pending pending, String userId, Locale language) {
        Line line = pending.line();
        Interest interest = pending.interest();
        return new Line(line.referenceNumber(), line.customer(), labels.product(interest.product(), language),
                formats.money(interest.amount(), interest.currency(), language, "—"), line.grade(),
                line.queueWide(), line.queue(), line.taskLink(),
                emailActions.linkFor(pending.taskId(), userId, ActionLink.Action.ACCEPT),
                emailActions.linkFor(pending.taskId(), userId, ActionLink.Action.REJECT));
    }

    /** People read queues by their names ("Cards and Loans"), not their ids. */
    private String queueName(String queueId) {
        org.camunda.bpm.engine.identity.Group group = queueId == null ? null
                : identityService.createGroupQuery().groupId(queueId).singleResult();
        return group == null || group.getName() == null ? String.valueOf(queueId) : group.getName();
    }

    private List<String> membersOf(String queueId) {
        return queueId == null ? List.of()
                : identityService.createUserQuery().memberOfGroup(queueId).list().stream().map(User::getId).toList();
    }
}
