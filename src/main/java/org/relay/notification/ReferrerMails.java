package org.relay.notification;

import org.relay.i18n.StoredSentence;
import org.relay.activity.SharedActivities;
import org.relay.calendar.BusinessCalendars;
import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogLabels;
import org.relay.i18n.Languages;
import org.relay.i18n.LocalFormats;
import org.relay.i18n.Texts;
import org.relay.i18n.UserLanguages;
import org.relay.common.DirectoryNames;
import org.relay.conversion.OpportunityRepository;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEvent;
import org.relay.referral.ReferralEventRepository;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.relay.scoring.ReferrerScore;
import org.relay.scoring.ReferrerStandings;
import org.relay.standing.ReferralStanding;
import org.relay.standing.ReferralStandings;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the referrer's mails: one per turn, or one digest listing several. Every sentence is in the templates
 * ({@code mail/referrer-*}); this class gathers the facts from Relay's record — the referral's standing in plain words
 * (ReferralStandings, the same as "Referrals I sent"), who acted by name, the catalog's reason, the opportunity, and
 * the activities shared with the referrer since they last heard. A mail already handed to SMTP (SentLog) is not sent
 * again when its job is retried.
 */
@Component
class ReferrerMails {

    /** One turn as the templates word it. */
    record TurnLine(String type, String when, String headline, String subject) {
    }

    /** A referral in a digest: where it stands now, its turns since the last digest and what was shared. */
    record DigestEntry(Referral referral, String product, ReferralStanding standing, List<TurnLine> turns,
                       List<SharedActivities.Summary> shared) {
    }

    private final TemplateEngine templates;
    private final MailDelivery delivery;
    private final SentLog sentLog;
    private final ReferralTimeline timeline;
    private final ReferralRepository referrals;
    private final ReferralEventRepository events;
    private final ReferrerTurnRepository turns;
    private final ReferrerAddresses addresses;
    private final ReferralStandings standings;
    private final SharedActivities sharedActivities;
    private final OpportunityRepository opportunities;
    private final ReferrerStandings referrerRecords;
    private final DirectoryNames names;
    private final Catalog catalog;
    private final BusinessCalendars calendars;
    private final Clock clock;
    private final ExternalReferrerLinks externalLinks;
    private final CatalogLabels labels;
    private final UserLanguages userLanguages;
    private final Languages languages;
    private final LocalFormats formats;
    private final Texts texts;
    private final org.relay.routing.AdvocateRepository advocates;

    ReferrerMails(ExternalReferrerLinks externalLinks, TemplateEngine templates, MailDelivery delivery, SentLog sentLog, ReferralTimeline timeline,
                  ReferralRepository referrals, ReferralEventRepository events, ReferrerTurnRepository turns,
                  ReferrerAddresses addresses, ReferralStandings standings, SharedActivities sharedActivities,
                  OpportunityRepository opportunities, ReferrerStandings referrerRecords, DirectoryNames names,
                  Catalog catalog, BusinessCalendars calendars, Clock clock, CatalogLabels labels,
                  UserLanguages userLanguages, Languages languages, LocalFormats formats, Texts texts,
                  org.relay.routing.AdvocateRepository advocates) {
        this.advocates = advocates;
        this.labels = labels;
        this.userLanguages = userLanguages;
        this.languages = languages;
        this.formats = formats;
        this.texts = texts;
        this.externalLinks = externalLinks;
        this.templates = templates;
        this.delivery = delivery;
        this.sentLog = sentLog;
        this.timeline = timeline;
        this.referrals = referrals;
        this.events = events;
        this.turns = turns;
        this.addresses = addresses;
        this.standings = standings;
        this.sharedActivities = sharedActivities;
        this.opportunities = opportunities;
        this.referrerRecords = referrerRecords;
        this.names = names;
        this.catalog = catalog;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Tells one turn by its own mail; a turn that is no news for the referrer, or no address, is only marked. */
    void tell(ReferrerTurn turn) {
        if (turn.getToldAt() != null) {
            return;
        }
        Referral referral = referrals.require(turn.getReferralId());
        var address = addresses.of(turn.getReferrerType(), turn.getReferrerId(), referral.getReferenceNumber());
        String eventKey = "referrer-turn:" + turn.getEventId();
        if (address.isEmpty() || !isNews(turn, referral) || sentLog.wasSent(eventKey, address.get().email())) {
            turn.told(clock.instant());
            turns.save(turn);
            return;
        }
        Instant lastTold = turns.lastToldBefore(referral.getId(), turn.getOccurredAt());
        Locale language = languageOf(turn.getReferrerType(), turn.getReferrerId());
        Context context = context(address.get(), turn.getReferrerType(), turn.getReferrerId(), language);
        ReferralStanding standing = standings.of(referral, language);
        context.setVariable("referral", referral);
        context.setVariable("product", labels.product(referral.getExpressedInterest(), language));
        context.setVariable("standing", standing);
        TurnLine line = line(turn, referral, standing, language);
        context.setVariable("turn", line);
        context.setVariable("shared", sharedActivities.withReferrerOf(referral, lastTold, turn.getOccurredAt()));
        context.setVariable("record", turn.getType() == ReferralEventType.CONVERTED ? record(turn.getReferrerId()) : null);
        context.setVariable("recordSummary", turn.getType() == ReferralEventType.CONVERTED
                ? record(turn.getReferrerId()).summary(texts, language) : null);
        String subject = line.subject();
        delivery.send(new MailMessage(List.of(address.get().email()), subject,
                render("mail/referrer-update.txt", context), render("mail/referrer-update", context)));
        sentLog.sent(referral.getId(), eventKey, address.get().email(), subject);
        timeline.record(referral, ReferralEventType.NOTIFIED, null, "referrer-update",
                StoredSentence.of("timeline.mail-to", address.get().email(), subject));
        turn.told(clock.instant());
        turns.save(turn);
    }

    /**
     * One referrer's waiting turns in one mail, grouped by referral. Keyed by the newest turn it lists, so a retried
     * digest job finds it sent and only marks the turns.
     */
    void digest(List<ReferrerTurn> waiting) {
        ReferrerTurn newest = waiting.stream().max(java.util.Comparator.comparing(ReferrerTurn::getId)).orElseThrow();
        var address = addresses.of(newest.getReferrerType(), newest.getReferrerId(), null);
        String eventKey = "referrer-digest:" + newest.getReferrerType() + ":" + newest.getReferrerId() + ":" + newest.getId();
        Instant now = clock.instant();
        if (address.isPresent() && !sentLog.wasSent(eventKey, address.get().email())) {
            Locale language = languageOf(newest.getReferrerType(), newest.getReferrerId());
            List<DigestEntry> entries = entries(waiting, language);
            if (!entries.isEmpty()) {
                Context context = context(address.get(), newest.getReferrerType(), newest.getReferrerId(), language);
                context.setVariable("entries", entries);
                context.setVariable("turnCount", entries.stream().mapToInt(e -> e.turns().size()).sum());
                String subject = render("mail/referrer-digest-subject.txt", context);
                delivery.send(new MailMessage(List.of(address.get().email()), subject,
                        render("mail/referrer-digest.txt", context), render("mail/referrer-digest", context)));
                sentLog.sent(null, eventKey, address.get().email(), subject);
                timeline.recordAll(entries.stream().map(e -> e.referral().getId()).toList(), ReferralEventType.NOTIFIED,
                        null, "referrer-digest", StoredSentence.of("timeline.mail-to", address.get().email(), subject));
            }
        }
        waiting.forEach(turn -> turn.told(now));
        turns.saveAll(waiting);
    }

    private List<DigestEntry> entries(List<ReferrerTurn> waiting, Locale language) {
        Map<Long, List<ReferrerTurn>> byReferral = new LinkedHashMap<>();
        waiting.forEach(t -> byReferral.computeIfAbsent(t.getReferralId(), id -> new ArrayList<>()).add(t));
        Instant now = clock.instant();
        List<DigestEntry> entries = new ArrayList<>();
        byReferral.forEach((referralId, ofReferral) -> {
            Referral referral = referrals.require(referralId);
            ReferralStanding standing = standings.of(referral, language);
            List<TurnLine> lines = ofReferral.stream().filter(t -> isNews(t, referral))
                    .map(t -> line(t, referral, standing, language)).toList();
            if (!lines.isEmpty()) {
                entries.add(new DigestEntry(referral, labels.product(referral.getExpressedInterest(), language), standing,
                        lines, sharedActivities.withReferrerOf(referral,
                        turns.lastToldBefore(referralId, ofReferral.get(0).getOccurredAt()), now)));
            }
        });
        return entries;
    }

    /** A merge is news on the duplicate's side only (it is closed as lost); the kept referral goes on. */
    private static boolean isNews(ReferrerTurn turn, Referral referral) {
        return turn.getType() != ReferralEventType.MERGED || "DUPLICATE".equals(referral.getCloseReason());
    }

    /** The turn's sentence, from mail/referrer-turn.txt with the facts it names. */
    private TurnLine line(ReferrerTurn turn, Referral referral, ReferralStanding standing, Locale language) {
        ReferralEvent event = events.findById(turn.getEventId()).orElse(null);
        Context context = new Context(language);
        context.setVariable("type", turn.getType().name());
        context.setVariable("actor", event == null ? null : names.person(event.getActor()));
        context.setVariable("customer", referral.getCustomer().getName());
        context.setVariable("product", labels.product(referral.getExpressedInterest(), language));
        context.setVariable("holder", standing.holder().text());
        context.setVariable("closeReason", referral.getCloseReason() == null ? null
                : standings.closeReasonLabel(referral.getCloseReason(), language));
        context.setVariable("rejectReason", event == null || event.getReason() == null
                || !Catalog.contains(catalog.rejectReasons(), event.getReason()) ? null
                : labels.label(CatalogLabels.Kind.REJECT_REASON, event.getReason(), language));
        context.setVariable("opportunity", turn.getType() == ReferralEventType.CONVERTED
                ? opportunities.findByReferralId(referral.getId()).map(o -> new OpportunityText(o.getId(),
                        formats.money(o.getAmount(), o.getCurrency(), language, null))).orElse(null) : null);
        return new TurnLine(turn.getType().name(), formats.shortDateTime(turn.getOccurredAt(), zone(), language),
                render("mail/referrer-turn.txt", context), render("mail/referrer-update-subject.txt", context));
    }

    /** The opportunity a conversion created: its number and value. */
    record OpportunityText(Long id, String amount) {
    }

    private Notifications.ReferrerRecord record(String referrerId) {
        return referrerRecords.of(referrerId)
                .map(s -> new Notifications.ReferrerRecord(s.getDecided(), s.getConverted(), s.getScore()))
                .orElseGet(() -> new Notifications.ReferrerRecord(0, 0, ReferrerScore.NO_RECORD));
    }

    /** A colleague's mail links to "Referrals I sent"; an advocate's or partner's carries a fresh signed link. */
    private Context context(ReferrerAddresses.Address address, org.relay.referral.ReferrerType type, String referrerId,
                            Locale language) {
        Context context = new Context(language);
        context.setVariable("name", address.name());
        var external = address.link() == null ? externalLinks.issueFor(type, referrerId) : java.util.Optional.<ExternalReferrerLinks.Link>empty();
        context.setVariable("link", external.map(ExternalReferrerLinks.Link::url).orElse(address.link()));
        context.setVariable("external", external.isPresent());
        context.setVariable("linkUntil", external.map(l -> formats.date(l.worksUntil(), zone(), language)).orElse(null));
        context.setVariable("zone", zone());
        return context;
    }

    /** A colleague reads Relay in their own language; advocates and partners in the default (Relay keeps none for them). */
    private Locale languageOf(org.relay.referral.ReferrerType type, String referrerId) {
        if (type == org.relay.referral.ReferrerType.INTERNAL_USER) {
            return userLanguages.of(referrerId);
        }
        // an advocate or partner: the language kept with them (PUT /api/advocates/{code}/language), else the default
        return languages.orDefault(referrerId == null ? null
                : advocates.findById(referrerId).map(org.relay.routing.Advocate::getLanguage).orElse(null));
    }

    private ZoneId zone() {
        return calendars.forRegion(null).zone();
    }

    private String render(String template, Context context) {
        return templates.process(template, context).strip();
    }
}
