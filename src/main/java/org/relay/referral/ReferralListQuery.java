package org.relay.referral;

import org.relay.common.FieldProblem;
import org.relay.common.InvalidRequestException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The parameters of GET /api/referrals, checked together so a 400 names every field at fault: {@code status}
 * (repeatable), {@code q} (a reference number or part of a customer's name), {@code page} and {@code size}.
 *
 * @param reference {@code q} as a reference number (upper case), matched exactly
 * @param namePattern {@code q} as a LIKE pattern over the normalised customer name ({@link ContactPoints#name}),
 *                    its own {@code %}, {@code _} and {@code !} escaped with {@code !}; null without {@code q}
 */
public record ReferralListQuery(Collection<ReferralStatus> statuses, String q, String reference, String namePattern,
                                PageRequest page) {

    /** A trigram index serves a pattern of three characters or more; shorter ones would read the whole table. */
    static final int MIN_SEARCH = 3;
    static final int MAX_SEARCH = 200;
    static final int MAX_SIZE = 200;

    public static ReferralListQuery parse(List<String> status, String q, String page, String size) {
        List<FieldProblem> problems = new ArrayList<>();
        EnumSet<ReferralStatus> statuses = EnumSet.noneOf(ReferralStatus.class);
        for (String value : status == null ? List.<String>of() : status) {
            try {
                statuses.add(ReferralStatus.valueOf(value.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("status", "problem.common.one-of", Arrays.stream(ReferralStatus.values())
                        .map(Enum::name).collect(Collectors.joining(", "))));
                break;
            }
        }
        String search = q == null || q.isBlank() ? null : q.trim();
        if (q != null && search == null) {
            problems.add(FieldProblem.of("q", "problem.search.blank"));
        } else if (search != null && (search.length() < MIN_SEARCH || search.length() > MAX_SEARCH)) {
            problems.add(FieldProblem.of("q", "problem.search.length", String.valueOf(MIN_SEARCH),
                    String.valueOf(MAX_SEARCH)));
        }
        int pageNumber = number(page, "page", 0, 0, Integer.MAX_VALUE / MAX_SIZE, problems);
        int pageSize = number(size, "size", 50, 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new ReferralListQuery(statuses.isEmpty() ? EnumSet.allOf(ReferralStatus.class) : statuses, search,
                search == null ? null : search.toUpperCase(Locale.ROOT),
                search == null ? null : "%" + likeEscaped(ContactPoints.name(search)) + "%",
                PageRequest.of(pageNumber, pageSize, Sort.by(Sort.Direction.DESC, "createdAt", "id")));
    }

    public boolean searching() {
        return q != null;
    }

    private static int number(String value, String field, int fallback, int min, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(FieldProblem.of(field, "problem.common.whole-number", String.valueOf(min), String.valueOf(max)));
        return fallback;
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
