package org.relay.synthetic;

import org.relay.referral.ReferrerType;
import org.relay.scoring.ReferrerScore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A realistic, reproducible history of decided referrals for training checks, the demo and benchmarks. Outcomes are
 * drawn from a known conversion model so a scorer's quality can be judged against the truth:
 * <ul>
 *   <li>sources differ (walk-ins and call-ins convert, purchased lists rarely do), existing customers convert more,
 *   so does a reachable customer (phone), and each referrer has a hidden talent for good referrals;</li>
 *   <li>fields are correlated as in real intake (web-form and purchased-list leads are mostly new customers, walk-ins
 *   leave a phone), and two effects interact (existing customers take cards far more; a mortgage without a phone
 *   goes nowhere) — what a per-field frequency table cannot see;</li>
 *   <li>the referrer score at intake is computed as Relay does (ReferrerScore, half-life decay) from the referrer's
 *   outcomes decided before that referral was made, so it never looks ahead.</li>
 * </ul>
 */
public final class SyntheticReferralHistory {

    /** A referrer of the synthetic bank and their hidden talent (added to the log-odds of their referrals). */
    public record SyntheticReferrer(ReferrerType type, String id, String name, double talent) {
    }

    public record Settings(long seed, int count, Instant from, Instant to, List<SyntheticReferrer> referrers,
                           Map<String, List<String>> queueMembers, Duration referrerHalfLife) {
    }

    private static final String[] PRODUCTS = {"MORTGAGE", "CREDIT_CARD", "PERSONAL_LOAN", "INVESTMENTS",
            "RETIREMENT_PLANNING", "INSURANCE", "HOME_EQUITY", "BUSINESS_LENDING", "ESTATE_PLANNING"};
    private static final double[] PRODUCT_SHARE = {20, 20, 15, 10, 10, 10, 7, 5, 3};
    private static final Map<String, Double> PRODUCT_EFFECT = Map.of("MORTGAGE", 0.0, "CREDIT_CARD", 0.3,
            "PERSONAL_LOAN", 0.2, "INVESTMENTS", -0.2, "RETIREMENT_PLANNING", -0.1, "INSURANCE", 0.1,
            "HOME_EQUITY", 0.1, "BUSINESS_LENDING", -0.2, "ESTATE_PLANNING", -0.3);
    private static final Map<String, Double> TYPICAL_VALUE = Map.of("MORTGAGE", 320_000.0, "CREDIT_CARD", 6_000.0,
            "PERSONAL_LOAN", 18_000.0, "INVESTMENTS", 90_000.0, "RETIREMENT_PLANNING", 150_000.0, "INSURANCE", 4_000.0,
            "HOME_EQUITY", 80_000.0, "BUSINESS_LENDING", 250_000.0, "ESTATE_PLANNING", 500_000.0);
    private static final String[] REFERRAL_SOURCES = {"COLLEAGUE", "ADVOCATE", "PARTNER", "WALK_IN"};
    private static final double[] REFERRAL_SOURCE_SHARE = {55, 20, 15, 10};
    private static final String[] LEAD_SOURCES = {"WEB_FORM", "CAMPAIGN", "PURCHASED_LIST", "DIRECT_MAIL",
            "CUSTOMER_SELF_SERVICE", "CALL_IN"};
    private static final double[] LEAD_SOURCE_SHARE = {30, 20, 20, 10, 10, 10};
    private static final Map<String, Double> SOURCE_EFFECT = Map.of("COLLEAGUE", 0.4, "ADVOCATE", 0.3,
            "PARTNER", 0.2, "WALK_IN", 0.9, "WEB_FORM", 0.0, "CAMPAIGN", -0.4, "PURCHASED_LIST", -1.6,
            "DIRECT_MAIL", -0.9, "CUSTOMER_SELF_SERVICE", 0.5, "CALL_IN", 0.7);
    private static final Map<String, String> QUEUE_OF_PRODUCT = Map.of("MORTGAGE", "retail-lending",
            "HOME_EQUITY", "retail-lending", "PERSONAL_LOAN", "retail-lending", "CREDIT_CARD", "cards-and-loans",
            "INVESTMENTS", "wealth-management", "RETIREMENT_PLANNING", "wealth-management",
            "ESTATE_PLANNING", "wealth-management", "INSURANCE", "insurance", "BUSINESS_LENDING", "business-banking");
    private static final String[] FIRST = {"Ava", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines",
            "Jonas", "Keira", "Liam", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tariq"};
    private static final String[] LAST = {"Adams", "Brooks", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes",
            "Ito", "Jensen", "Khan", "Lopez", "Moreau", "Nowak", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Weber"};
    private static final String[][] PLACES = {{"Boston", "north"}, {"Hartford", "north"}, {"Austin", "south"},
            {"Miami", "south"}, {"Denver", "west"}, {"Seattle", "west"}, {"Chicago", "central"}};

    private SyntheticReferralHistory() {
    }

    public static List<SyntheticReferral> generate(Settings settings) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        Random gaussian = new Random(settings.seed());
        long span = Duration.between(settings.from(), settings.to()).toSeconds();
        List<Draft> drafts = new ArrayList<>(settings.count());
        for (int i = 0; i < settings.count(); i++) {
            Instant created = settings.from().plusSeconds((long) (span * ((double) i / settings.count())));
            drafts.add(draft(i, created, settings, random, gaussian));
        }
        Map<String, Integer> scoreAtIntake = referrerScoresAtIntake(drafts, settings.referrerHalfLife());
        List<SyntheticReferral> history = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            Integer referrerScore = d.referrer == null ? null : scoreAtIntake.get(String.valueOf(i));
            history.add(new SyntheticReferral(d.kind, d.recordType, d.product, d.source, d.customerType, d.name,
                    d.phone, d.email, d.city, d.region, d.existingId, d.amount,
                    d.referrer == null ? ReferrerType.CUSTOMER : d.referrer.type(),
                    d.referrer == null ? null : d.referrer.id(), d.referrer == null ? null : d.referrer.name(),
                    referrerScore, d.queue, d.owner, d.created, d.accepted, d.firstActivity, d.decided, d.converted,
                    d.probability));
        }
        return history;
    }

    private static final class Draft {
        String kind, recordType, product, source, customerType, name, phone, email, city, region, existingId, queue, owner;
        BigDecimal amount;
        SyntheticReferrer referrer;
        Instant created, accepted, firstActivity, decided;
        boolean converted;
        double probability;
    }

    private static Draft draft(int i, Instant created, Settings settings, SplittableRandom random, Random gaussian) {
        Draft d = new Draft();
        d.created = created;
        boolean referral = random.nextDouble() < 0.65 && !settings.referrers().isEmpty();
        d.kind = referral ? "REFERRAL" : "LEAD";
        d.source = referral ? pick(REFERRAL_SOURCES, REFERRAL_SOURCE_SHARE, random) : pick(LEAD_SOURCES, LEAD_SOURCE_SHARE, random);
        d.referrer = referral ? settings.referrers().get(random.nextInt(settings.referrers().size())) : null;
        d.product = pick(PRODUCTS, PRODUCT_SHARE, random);
        d.recordType = "BUSINESS_LENDING".equals(d.product) ? "BUSINESS_REFERRAL"
                : "RETIREMENT_PLANNING".equals(d.product) ? "RETIREMENT_PLANNING" : referral ? "PERSON_REFERRAL" : "GENERAL";
        d.customerType = "BUSINESS_LENDING".equals(d.product) || random.nextDouble() < 0.05 ? "BUSINESS" : "PERSON";
        double existingShare = switch (d.source) {
            case "PURCHASED_LIST" -> 0.05;
            case "WEB_FORM", "CAMPAIGN", "DIRECT_MAIL" -> 0.25;
            default -> referral ? 0.6 : 0.45;
        };
        boolean existing = random.nextDouble() < existingShare;
        double phoneShare = switch (d.source) {
            case "WALK_IN", "CALL_IN", "PURCHASED_LIST" -> 0.92;
            case "WEB_FORM", "CUSTOMER_SELF_SERVICE" -> 0.5;
            default -> 0.78;
        };
        boolean phone = random.nextDouble() < phoneShare;
        boolean email = random.nextDouble() < (phone ? 0.8 : 0.95);
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        d.name = first + " " + last;
        d.phone = phone ? "+1555%07d".formatted(i % 10_000_000) : null;
        d.email = email ? (first + "." + last + "." + i + "@example.com").toLowerCase() : null;
        String[] place = PLACES[random.nextInt(PLACES.length)];
        d.city = place[0];
        d.region = place[1];
        d.existingId = existing ? "C-S%06d".formatted(i) : null;
        double typical = TYPICAL_VALUE.get(d.product);
        boolean valueGiven = random.nextDouble() < 0.85;
        double amount = typical * Math.exp(0.7 * gaussian.nextGaussian());
        d.amount = valueGiven ? BigDecimal.valueOf(amount).setScale(-2, RoundingMode.HALF_UP).setScale(2) : null;
        d.queue = QUEUE_OF_PRODUCT.get(d.product);
        List<String> members = settings.queueMembers().getOrDefault(d.queue, List.of());
        d.owner = members.isEmpty() ? null : members.get(random.nextInt(members.size()));

        double logit = -1.3 + SOURCE_EFFECT.get(d.source) + PRODUCT_EFFECT.get(d.product)
                + (existing ? 0.8 : 0) + (phone ? 0.5 : -0.4) + (email ? 0.2 : 0)
                + (valueGiven ? 0 : -0.3) + (valueGiven && amount > 3 * typical ? -0.5 : 0)
                + (d.referrer == null ? 0 : d.referrer.talent())
                + (existing && "CREDIT_CARD".equals(d.product) ? 0.7 : 0)
                + (!phone && "MORTGAGE".equals(d.product) ? -0.8 : 0);
        d.probability = 1 / (1 + Math.exp(-logit));
        d.converted = random.nextDouble() < d.probability;
        d.decided = created.plus(Duration.ofHours(24 + random.nextInt(24 * (d.converted ? 30 : 45))));
        // every converted referral was accepted and worked; 30 % of the lost ones were never picked up
        if (d.converted || random.nextDouble() < 0.7) {
            d.accepted = before(created.plus(hours(2, gaussian)), d.decided);
            d.firstActivity = before(d.accepted.plus(hours(4, gaussian)), d.decided);
        }
        return d;
    }

    /** A wait of typically {@code median} hours, log-normally spread (most are quick, a few take days). */
    private static Duration hours(double median, Random gaussian) {
        return Duration.ofSeconds((long) (3600 * median * Math.exp(1.2 * gaussian.nextGaussian())));
    }

    private static Instant before(Instant at, Instant decided) {
        Instant latest = decided.minus(Duration.ofMinutes(30));
        return at.isBefore(latest) ? at : latest;
    }

    /** Each referral's referrer score from that referrer's outcomes decided before it was made (no look-ahead). */
    private static Map<String, Integer> referrerScoresAtIntake(List<Draft> drafts, Duration halfLife) {
        Map<String, List<Integer>> byReferrer = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).referrer != null) {
                byReferrer.computeIfAbsent(drafts.get(i).referrer.id(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Integer> scores = new HashMap<>();
        for (List<Integer> indexes : byReferrer.values()) {
            List<Integer> byDecision = new ArrayList<>(indexes);
            byDecision.sort(Comparator.comparing(i -> drafts.get(i).decided));
            int next = 0;
            List<ReferrerScore.Outcome> known = new ArrayList<>();
            for (int i : indexes) { // indexes are in creation order
                Instant at = drafts.get(i).created;
                while (next < byDecision.size() && drafts.get(byDecision.get(next)).decided.isBefore(at)) {
                    Draft decided = drafts.get(byDecision.get(next++));
                    known.add(new ReferrerScore.Outcome(decided.converted, decided.decided));
                }
                scores.put(String.valueOf(i), ReferrerScore.of(known, at, halfLife).score());
            }
        }
        return scores;
    }

    private static String pick(String[] values, double[] shares, SplittableRandom random) {
        double total = 0;
        for (double share : shares) {
            total += share;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            r -= shares[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
