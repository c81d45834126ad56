package org.relay.referral;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogEntry;
import org.relay.security.Callers;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.monitoring.BusinessMetrics;
import org.relay.security.EngineActing;
import org.relay.i18n.Languages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Creates a referral and starts its lifecycle in one transaction: there is never a referral row without its
 * process instance, nor the reverse.
 */
@Service
public class ReferralIntake {

    private final ReferralRequestRules rules;
    private final ReferralRepository referrals;
    private final ReferralTimeline timeline;
    private final LifecycleStartVariables startVariables;
    private final EngineActing engine;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final Clock clock;
    private final ReferralNumbers numbers;
    private final RelatedReferrals relatedReferrals;
    private final IntakeProperties intakeProperties;
    private final Callers callers;
    private final Catalog catalog;
    private final BusinessMetrics metrics;

    private final AdvocateDirectory advocates;
    private final ApplicationEventPublisher events;
    private final Languages languages;

    ReferralIntake(RelatedReferrals relatedReferrals, IntakeProperties intakeProperties, ReferralNumbers numbers,
                   ReferralRequestRules rules, ReferralRepository referrals, ReferralTimeline timeline,
                   LifecycleStartVariables startVariables, EngineActing engine, RuntimeService runtimeService,
                   IdentityService identityService, Clock clock, Callers callers, Catalog catalog,
                   AdvocateDirectory advocates, BusinessMetrics metrics, ApplicationEventPublisher events,
                   Languages languages) {
        this.languages = languages;
        this.events = events;
        this.advocates = advocates;
        this.metrics = metrics;
        metrics.knownChannels(catalog.sourceChannels().stream().map(CatalogEntry::code).toList());
        this.callers = callers;
        this.catalog = catalog;
        this.numbers = numbers;
        this.relatedReferrals = relatedReferrals;
        this.intakeProperties = intakeProperties;
        this.rules = rules;
        this.referrals = referrals;
        this.timeline = timeline;
        this.startVariables = startVariables;
        this.engine = engine;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Transactional
    public Referral create(CreateReferralRequest request) {
        Referral referral = record(request);
        noteRelatedReferrals(referral);
        // Relay starts every lifecycle itself: no staff group holds rights on the lifecycle (EngineAuthorizations)
        ProcessInstance instance = engine.asRelay(() -> runtimeService.startProcessInstanceByKey(
                LifecycleVariables.PROCESS_KEY, referral.getReferenceNumber(), startVariables.of(referral)));
        referral.linkProcessInstance(instance.getId());
        metrics.referralCreated(referral.getSourceChannel());
        if (referral.isCustomerStatusUpdates()) {
            events.publishEvent(new StatusUpdatesRequested(referral.getId()));
        }
        return referral;
    }

    /** The customer's other open interests go on the timeline; the Review form shows them from the referral. */
    private void noteRelatedReferrals(Referral referral) {
        java.util.List<Referral> related = relatedReferrals.openFor(referral);
        String note = relatedReferrals.describe(referral, related);
        if (note != null) {
            timeline.record(referral, ReferralEventType.POSSIBLE_DUPLICATE, null, related.size() + " open", note);
        }
    }

    /** What is wrong with a request, without writing anything (bulk channels report it per row). */
    public java.util.List<org.relay.common.FieldProblem> problems(CreateReferralRequest request) {
        return rules.problems(request);
    }

    private Referral record(CreateReferralRequest request) {
        rules.check(request);
        Referral referral = referrals.save(toReferral(numbers.next(), request));
        timeline.record(referral, ReferralEventType.CREATED, referral.getReferrer().getId(),
                referral.getSourceChannel(), null);
        return referral;
    }

    private Referral toReferral(long id, CreateReferralRequest request) {
        CreateReferralRequest.CustomerData c = request.customer();
        Customer customer = new Customer(c.type(), c.name().trim(), trim(c.employer()), trim(c.phone()),
                trim(c.email()), trim(c.city()), trim(c.region()), trim(c.existingCustomerId()), trim(c.contactName()));
        customer.matchKeys(ContactPoints.email(c.email()),
                ContactPoints.phone(c.phone(), intakeProperties.defaultCountryCode()));
        customer.identifiedBy(trim(c.postcode()), c.dateOfBirth());
        CreateReferralRequest.InterestValue value = request.interestValue();
        Referral referral = new Referral(id, request.kind(), request.recordType(), customer, request.expressedInterest(),
                value == null ? null : value.amount(), value == null ? null : value.currency(),
                request.sourceChannel(), referrerOf(request.referrer()), trim(request.notes()), clock.instant());
        referral.fromCampaign(trim(request.campaign()));
        referral.createdBy(callers.currentUserIdOrNull());
        referral.heldOn(request.lawfulBasis() != null ? request.lawfulBasis() : catalog.defaultLawfulBasis());
        if (Boolean.TRUE.equals(c.statusUpdates())) {
            referral.customerWantsStatusUpdates();
        }
        // kept as the bare language ("fr" for "fr-CA"), as the web form keeps it; the rules refused any other
        languages.supported(c.language()).ifPresent(language -> referral.customerSpeaks(language.getLanguage()));
        return referral;
    }

    /**
     * Internal referrers are named from Camunda's identity and advocates from the advocate table, so the name on the
     * referral is the real one.
     */
    private Referrer referrerOf(CreateReferralRequest.ReferrerData data) {
        String name = trim(data.name());
        if (data.type() == ReferrerType.ADVOCATE && data.id() != null) {
            name = advocates.activeAdvocateName(data.id()).orElse(name);
        }
        if (data.type() == ReferrerType.INTERNAL_USER) {
            User user = identityService.createUserQuery().userId(data.id()).singleResult();
            if (user != null) {
                name = (user.getFirstName() + " " + user.getLastName()).trim();
            }
        }
        return new Referrer(data.type(), trim(data.id()), name);
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
