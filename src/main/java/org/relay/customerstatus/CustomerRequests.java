package org.relay.customerstatus;

import org.camunda.bpm.engine.RuntimeService;
import org.relay.activity.ActivityLog;
import org.relay.calendar.BusinessCalendars;
import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogLabels;
import org.relay.i18n.Languages;
import org.relay.i18n.LocalFormats;
import org.relay.common.DirectoryNames;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.notification.CustomerMails;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralStatus;
import org.relay.security.EngineActing;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.relay.common.WithoutEngineUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * What the customer can see and do on their status page, read from and written to Relay's record. A message and a
 * withdrawal are told to the lifecycle as messages (referral-lifecycle.bpmn: Msg_CustomerMessage,
 * Msg_CustomerWithdrew), which mail the owner from asynchronous steps.
 */
@Service
class CustomerRequests {

    static final String MESSAGE = "ReferralCustomerMessage";
    static final String WITHDREW = "ReferralCustomerWithdrew";
    static final String WITHDRAWN_REASON = "WITHDRAWN_BY_CUSTOMER";
    static final String MESSAGE_SUBJECT = "Message from the customer";

    /** What happened when the customer asked for something. */
    enum Outcome { DONE, ALREADY_CLOSED, UNAVAILABLE }

    private final ReferralRepository referrals;
    private final ActivityLog activityLog;
    private final RuntimeService runtimeService;
    private final EngineActing engine;
    private final Catalog catalog;
    private final DirectoryNames names;
    private final IdentityService identityService;
    private final CatalogLabels labels;
    private final LocalFormats formats;
    private final Languages languages;
    private final BusinessCalendars calendars;

    CustomerRequests(ReferralRepository referrals, ActivityLog activityLog, RuntimeService runtimeService,
                     EngineActing engine, Catalog catalog, DirectoryNames names, IdentityService identityService,
                     CatalogLabels labels, LocalFormats formats, Languages languages, BusinessCalendars calendars) {
        this.referrals = referrals;
        this.activityLog = activityLog;
        this.runtimeService = runtimeService;
        this.engine = engine;
        this.catalog = catalog;
        this.names = names;
        this.identityService = identityService;
        this.labels = labels;
        this.formats = formats;
        this.languages = languages;
        this.calendars = calendars;
    }

    /** The page's facts; empty when the referral is gone or its customer data was erased (the link then opens nothing). */
    @Transactional(readOnly = true)
    Optional<StatusPageView> view(long referralId) {
        return referrals.findById(referralId).filter(r -> r.getErasedAt() == null).map(this::view);
    }

    private StatusPageView view(Referral referral) {
        RequestStage stage = RequestStage.of(referral);
        boolean accepted = referral.getAcceptedAt() != null && referral.getOwnerId() != null
                && referral.getStatus() != ReferralStatus.ASSIGNED && referral.getStatus() != ReferralStatus.NEW;
        User owner = accepted ? WithoutEngineUser.run(identityService,
                () -> identityService.createUserQuery().userId(referral.getOwnerId()).singleResult()) : null;
        String outcome = switch (referral.getStatus()) {
            case CONVERTED -> "CONVERTED";
            case CLOSED_LOST -> WITHDRAWN_REASON.equals(referral.getCloseReason()) ? "WITHDRAWN" : "CLOSED";
            default -> null;
        };
        // the page speaks the language of the customer's request, times in the bank's zone for their region
        Locale language = languages.orDefault(referral.getCustomerLanguage());
        java.time.ZoneId zone = calendars.forRegion(referral.getCustomer().getRegion()).zone();
        var messages = activityLog.customerMessages(referral.getId()).stream()
                .map(m -> new StatusPageView.SentMessage(m.getBody(), formats.dateTime(m.getRecordedAt(), zone, language)))
                .toList();
        return new StatusPageView(CustomerMails.firstName(referral.getCustomer().getName()), referral.getReferenceNumber(),
                labels.product(referral.getExpressedInterest(), language), stage, outcome,
                owner == null ? null : blankToNull(owner.getFirstName()),
                owner == null ? null : blankToNull(owner.getEmail()),
                referral.getQueueId() == null ? null : names.queue(referral.getQueueId()),
                referral.getCreatedAt().atZone(ZoneOffset.UTC).toLocalDate(),
                referral.getClosedAt() == null ? null : referral.getClosedAt().atZone(ZoneOffset.UTC).toLocalDate(),
                referral.getStatus().isOpen(), messages, language);
    }

    /** Records the customer's message as an activity and tells the lifecycle, which mails the owner. */
    @Transactional
    Outcome sendMessage(long referralId, String message) {
        Referral referral = lockedOpen(referralId);
        if (referral == null) {
            return Outcome.ALREADY_CLOSED;
        }
        activityLog.recordCustomerMessage(referral, MESSAGE_SUBJECT, message);
        if (!correlate(referral, MESSAGE, false)) {
            // no lifecycle to pass it on: keep nothing rather than a message nobody is told about
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Outcome.UNAVAILABLE;
        }
        return Outcome.DONE;
    }

    /**
     * Closes the request as lost, reason "withdrawn by the customer", through the lifecycle's withdrawal path (which
     * ends whatever step it was in and tells the owner). A closed request stays as it is.
     */
    @Transactional
    Outcome withdraw(long referralId) {
        Referral referral = lockedOpen(referralId);
        if (referral == null) {
            return Outcome.ALREADY_CLOSED;
        }
        return correlate(referral, WITHDREW, true) ? Outcome.DONE : Outcome.UNAVAILABLE;
    }

    /** The referral, locked until the transaction ends, if it is open; null if it is closed or gone. */
    private Referral lockedOpen(long referralId) {
        return referrals.findById(referralId).filter(r -> r.getErasedAt() == null)
                .flatMap(r -> referrals.findForChange(r.getReferenceNumber()))
                .filter(r -> r.getStatus().isOpen())
                .orElse(null);
    }

    /**
     * False when the referral's lifecycle does not take the message (a lifecycle of a version before these events,
     * suspended, or ended): nothing changes then. Asked first rather than caught: a refused correlation inside this
     * transaction marks it rollback-only, and the page would end in a 500 instead of its plain answer.
     */
    private boolean correlate(Referral referral, String message, boolean withdrawal) {
        String instance = referral.getProcessInstanceId();
        if (instance == null) {
            return false;
        }
        return engine.asRelay(() -> {
            boolean waiting = runtimeService.createProcessInstanceQuery().processInstanceId(instance).active().count() > 0
                    && runtimeService.createEventSubscriptionQuery().processInstanceId(instance).eventType("message")
                    .eventName(message).count() > 0;
            if (waiting) {
                var correlation = runtimeService.createMessageCorrelation(message).processInstanceId(instance);
                if (withdrawal) {
                    // a catalog code and a fixed note for the "Close as lost" step: no customer data in the engine
                    correlation.setVariable(LifecycleVariables.CLOSE_REASON, WITHDRAWN_REASON)
                            .setVariable(LifecycleVariables.OUTCOME_NOTE, "Withdrawn by the customer on the status page");
                }
                correlation.correlateWithResult();
            }
            return waiting;
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
