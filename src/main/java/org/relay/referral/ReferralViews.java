package org.relay.referral;

import org.relay.common.DirectoryNames;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.relay.common.RelayProperties;
import org.relay.i18n.StoredSentences;
import org.relay.lifecycle.LifecycleTasks;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Builds {@link ReferralView}s: the row, plus the open Camunda tasks of its process instance; what Relay stored as
 * codes (score factors, routing reason, timeline sentences) worded in the caller's language.
 */
@Component
public class ReferralViews {

    private final TaskService taskService;
    private final LifecycleTasks lifecycleTasks;
    private final ReferralTimeline timeline;
    private final RelayProperties properties;

    private final ReferralLookup lookup;
    private final RelatedReferrals relatedReferrals;
    private final DirectoryNames names;
    private final StoredSentences sentences;

    ReferralViews(TaskService taskService, LifecycleTasks lifecycleTasks, ReferralTimeline timeline,
                  RelayProperties properties, ReferralLookup lookup, RelatedReferrals relatedReferrals,
                  DirectoryNames names, StoredSentences sentences) {
        this.sentences = sentences;
        this.names = names;
        this.relatedReferrals = relatedReferrals;
        this.taskService = taskService;
        this.lifecycleTasks = lifecycleTasks;
        this.timeline = timeline;
        this.properties = properties;
        this.lookup = lookup;
    }

    /** The referral as it is now, read in its own transaction (after the change that was just committed). */
    @Transactional(readOnly = true)
    public ReferralView detail(String referenceNumber) {
        return detail(lookup.require(referenceNumber));
    }

    public ReferralView summary(Referral referral) {
        return view(referral, List.of(), List.of(), List.of());
    }

    ReferralView detail(Referral referral) {
        List<ReferralView.OpenTask> tasks = lifecycleTasks.open(referral.getProcessInstanceId()).stream()
                .map(this::openTask).toList();
        List<ReferralView.TimelineEntry> entries = timeline.of(referral).stream()
                .map(e -> new ReferralView.TimelineEntry(e.getType(), e.getActor(), e.getReason(),
                        sentences.word(e.getDetail()), e.getOccurredAt(), names.person(e.getActor()),
                        sentences.parts(e.getDetail(), LocaleContextHolder.getLocale()).orElse(null)))
                .toList();
        List<ReferralView.RelatedReferral> related = referral.getStatus().isOpen()
                ? relatedReferrals.openFor(referral).stream().map(r -> new ReferralView.RelatedReferral(
                        r.getReferenceNumber(), r.getExpressedInterest(), r.getQueueId(), r.getOwnerId(), r.getStatus(),
                        names.queue(r.getQueueId()), names.person(r.getOwnerId()))).toList()
                : List.of();
        return view(referral, tasks, related, entries);
    }

    private ReferralView.OpenTask openTask(Task task) {
        List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
        return new ReferralView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                task.getAssignee(), groups, task.getPriority(), task.getDueDate(),
                properties.tasklistLink(task.getId()));
    }

    private ReferralView view(Referral r, List<ReferralView.OpenTask> tasks,
                                     List<ReferralView.RelatedReferral> related,
                                     List<ReferralView.TimelineEntry> entries) {
        Customer c = r.getCustomer();
        return new ReferralView(r.getReferenceNumber(), r.getKind(), r.getRecordType(), r.getStatus(),
                new ReferralView.CustomerView(c.getType(), c.getName(), c.getEmployer(), c.getPhone(), c.getEmail(),
                        c.getCity(), c.getRegion(), c.getPostcode(), c.getDateOfBirth(), c.getExistingCustomerId(),
                        c.getContactName(), r.getAccountId(), r.isCustomerStatusUpdates(), r.getCustomerLanguage()),
                r.getExpressedInterest(),
                r.getInterestAmount() == null ? null
                        : new ReferralView.InterestValueView(r.getInterestAmount(), r.getInterestCurrency()),
                r.getSourceChannel(), r.getCampaign(),
                new ReferralView.ReferrerView(r.getReferrer().getType(), r.getReferrer().getId(),
                        r.getReferrer().getName()),
                r.getNotes(), r.getLeadScore(),
                new ReferralView.ScoreView(r.getLeadScore(),
                        r.getLeadScore() == null ? null : LeadGrade.of(r.getLeadScore()).name(),
                        sentences.word(r.getLeadScoreFactors()), r.getLeadScoreModel(), r.getReferrerScoreAtIntake(), r.getTaskPriority()),
                r.getOwnerId(), r.getQueueId(), r.getRoutingBasis(),
                sentences.word(r.getRoutingReason()), r.getReviewDueAt(), r.getOverdueAt(),
                r.getCloseReason(), r.getCloseNote(), r.getProcessInstanceId(),
                new ReferralView.Stages(r.getCreatedAt(), r.getAssignedAt(), r.getAcceptedAt(), r.getInProgressAt(),
                        r.getConvertedAt(), r.getClosedAt(), r.getReopenedAt(), r.getLastActivityAt()),
                tasks, related, entries,
                new ReferralView.DataProtectionView(r.getLawfulBasis(), r.getConsentVersion(), r.getConsentGivenAt(),
                        r.getErasedAt(), r.getConsentLanguage()),
                names.person(r.getOwnerId()), names.queue(r.getQueueId()));
    }
}
