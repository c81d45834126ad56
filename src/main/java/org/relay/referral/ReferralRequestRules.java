package org.relay.referral;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.IdentityService;
import org.relay.catalog.Catalog;
import org.relay.common.FieldProblem;
import org.relay.common.InvalidRequestException;
import org.relay.common.RequestBodyChecks;
import org.springframework.stereotype.Component;

import org.relay.i18n.Languages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every check on a new referral, reported together: Bean Validation on the request, then what annotations cannot
 * express (picklist codes from the configured catalog, a way to reach the customer, a referrer that exists).
 * Runs for every channel, not only REST.
 */
@Component
class ReferralRequestRules implements RequestBodyChecks {

    private final Catalog catalog;
    private final IdentityService identityService;
    private final Validator validator;
    private final AdvocateDirectory advocates;
    private final Languages languages;

    ReferralRequestRules(Catalog catalog, IdentityService identityService, Validator validator,
                         AdvocateDirectory advocates, Languages languages) {
        this.languages = languages;
        this.advocates = advocates;
        this.catalog = catalog;
        this.identityService = identityService;
        this.validator = validator;
    }

    void check(CreateReferralRequest request) {
        List<FieldProblem> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    @Override
    public boolean appliesTo(Class<?> bodyType) {
        return bodyType == CreateReferralRequest.class;
    }

    @Override
    public List<FieldProblem> problems(Object body) {
        return problems((CreateReferralRequest) body);
    }

    List<FieldProblem> problems(CreateReferralRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null) {
            return List.of(FieldProblem.of("body", "problem.field.required"));
        }
        for (ConstraintViolation<CreateReferralRequest> violation : validator.validate(request)) {
            problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        checkPicklists(request, problems);
        return problems.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
    }

    private void checkPicklists(CreateReferralRequest request, List<FieldProblem> problems) {
        String language = request.customer() == null ? null : request.customer().language();
        if (language != null && languages.supported(language).isEmpty()) {
            problems.add(unknown("customer.language", languages.supportedTags()));
        }
        if (request.recordType() != null && !Catalog.contains(catalog.recordTypes(), request.recordType())) {
            problems.add(unknown("recordType", catalog.recordTypes().stream().map(e -> e.code()).toList()));
        }
        if (request.expressedInterest() != null && !Catalog.contains(catalog.products(), request.expressedInterest())) {
            problems.add(unknown("expressedInterest", catalog.products().stream().map(e -> e.code()).toList()));
        }
        if (request.sourceChannel() != null && !Catalog.contains(catalog.sourceChannels(), request.sourceChannel())) {
            problems.add(unknown("sourceChannel", catalog.sourceChannels().stream().map(e -> e.code()).toList()));
        }
        if (request.lawfulBasis() != null && !Catalog.contains(catalog.lawfulBases(), request.lawfulBasis())) {
            problems.add(unknown("lawfulBasis", catalog.lawfulBases().stream().map(e -> e.code()).toList()));
        }
        if (request.interestValue() != null && request.interestValue().currency() != null
                && !catalog.currencies().contains(request.interestValue().currency())) {
            problems.add(unknown("interestValue.currency", catalog.currencies()));
        }
        CreateReferralRequest.CustomerData customer = request.customer();
        if (customer != null && isBlank(customer.phone()) && isBlank(customer.email())) {
            problems.add(FieldProblem.of("customer", "problem.referral.customer-unreachable"));
        }
        if (customer != null && Boolean.TRUE.equals(customer.statusUpdates()) && isBlank(customer.email())) {
            problems.add(FieldProblem.of("customer.statusUpdates", "problem.referral.status-updates-need-email"));
        }
        if (request.referrer() != null && request.referrer().type() != null) {
            checkReferrer(request.referrer(), problems);
        }
    }

    private void checkReferrer(CreateReferralRequest.ReferrerData referrer, List<FieldProblem> problems) {
        switch (referrer.type()) {
            case INTERNAL_USER -> {
                if (isBlank(referrer.id())) {
                    problems.add(FieldProblem.of("referrer.id", "problem.referral.internal-referrer-id"));
                } else if (identityService.createUserQuery().userId(referrer.id()).count() == 0) {
                    problems.add(FieldProblem.of("referrer.id", "problem.common.unknown-user", referrer.id()));
                }
            }
            case ADVOCATE, PARTNER -> {
                if (isBlank(referrer.id()) && isBlank(referrer.name())) {
                    problems.add(FieldProblem.of("referrer", "problem.referral.referrer-needs-id-or-name", referrer.type().name()));
                } else if (referrer.type() == ReferrerType.ADVOCATE && !isBlank(referrer.id())
                        && advocates.activeAdvocateName(referrer.id()).isEmpty()) {
                    // an unknown code would route nowhere and put a stranger on the leaderboard
                    problems.add(FieldProblem.of("referrer.id", "problem.referral.unknown-advocate",
                            referrer.id().trim()));
                }
            }
            case CUSTOMER -> {
                // the customer referred themselves: nothing more to know
            }
        }
    }

    private static FieldProblem unknown(String field, List<String> allowed) {
        return FieldProblem.of(field, "problem.common.one-of", String.join(", ", allowed));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
