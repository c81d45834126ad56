package org.relay.routing;

import org.relay.referral.ReferralAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.IdentityService;
import org.relay.common.InvalidRequestException;
import org.relay.common.NotFoundException;
import org.relay.i18n.Languages;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What routing reads besides the DMN table, editable by operations: recipients' capacity and presence, advocates
 * and their owners, customers' advisors per queue. Users and groups themselves live in Camunda's identity (Admin).
 */
@RestController
class RoutingAdminController {

    record RecipientSettings(@Min(1) @Max(10_000) Integer capacity, boolean absent, Boolean active) {
    }

    record RecipientView(String userId, Integer capacity, int effectiveCapacity, long openReferrals, boolean absent,
                         boolean active) {
    }

    record AdvocateSettings(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 64) String ownerUserId,
                            Boolean active, @Email @Size(max = 254) String email,
                            @Size(max = 35) String language) {
    }

    record AdvisorSettings(@NotBlank @Size(max = 64) String advisorUserId) {
    }

    record AdvisorView(String existingCustomerId, String queueId, String advisorUserId) {
    }

    private final RecipientRepository recipients;
    private final AdvocateRepository advocates;
    private final Languages languages;
    private final CustomerAdvisorRepository advisors;
    private final Workloads workloads;
    private final IdentityService identityService;
    private final ReferralAccess access;

    RoutingAdminController(RecipientRepository recipients, AdvocateRepository advocates, CustomerAdvisorRepository advisors,
                           Workloads workloads, IdentityService identityService, ReferralAccess access,
                           Languages languages) {
        this.languages = languages;
        this.access = access;
        this.recipients = recipients;
        this.advocates = advocates;
        this.advisors = advisors;
        this.workloads = workloads;
        this.identityService = identityService;
    }

    @GetMapping("/api/recipients/{userId}")
    @Transactional(readOnly = true)
    public RecipientView recipient(@PathVariable String userId) {
        access.requireUserVisible(userId);
        requireUser(userId, null);
        Recipient recipient = recipients.findById(userId).orElseGet(() -> new Recipient(userId));
        Workloads.Load load = workloads.of(userId);
        return new RecipientView(userId, recipient.getCapacity(), load.capacity(), load.open(), recipient.isAbsent(),
                recipient.isActive());
    }

    @PutMapping("/api/recipients/{userId}")
    @Transactional
    public RecipientView updateRecipient(@PathVariable String userId, @Valid @RequestBody RecipientSettings settings) {
        access.requireUserVisible(userId);
        requireUser(userId, null);
        Recipient recipient = recipients.findById(userId).orElseGet(() -> new Recipient(userId));
        recipient.update(settings.capacity(), settings.absent(), settings.active() == null || settings.active());
        recipients.save(recipient);
        return recipient(userId);
    }

    @GetMapping("/api/advocates")
    List<Advocate> advocates() {
        return advocates.findAll();
    }

    @PutMapping("/api/advocates/{code}")
    @Transactional
    public Advocate updateAdvocate(@PathVariable @Size(max = 64) String code, @Valid @RequestBody AdvocateSettings settings) {
        requireUser(settings.ownerUserId(), "ownerUserId");
        Optional<Locale> language = languages.optional("language", settings.language());
        boolean active = settings.active() == null || settings.active();
        Advocate advocate = advocates.findById(code).orElseGet(() -> new Advocate(code, settings.name(),
                settings.ownerUserId(), active));
        advocate.update(settings.name(), settings.ownerUserId(), active);
        advocate.reachableAt(settings.email());
        // omitted keeps the language a manager may have set (PUT /api/advocates/{code}/language)
        language.ifPresent(l -> advocate.speaks(l.getLanguage()));
        return advocates.save(advocate);
    }

    @GetMapping("/api/customers/{existingCustomerId}/advisors")
    List<AdvisorView> advisors(@PathVariable @Size(max = 64) String existingCustomerId) {
        return advisors.findByKeyExistingCustomerId(existingCustomerId).stream()
                .map(a -> new AdvisorView(a.getExistingCustomerId(), a.getQueueId(), a.getAdvisorUserId())).toList();
    }

    @PutMapping("/api/customers/{existingCustomerId}/advisors/{queueId}")
    @Transactional
    public AdvisorView updateAdvisor(@PathVariable @Size(max = 64) String existingCustomerId, @PathVariable @Size(max = 64) String queueId,
                                     @Valid @RequestBody AdvisorSettings settings) {
        if (identityService.createGroupQuery().groupId(queueId).count() == 0) {
            throw NotFoundException.of("problem.routing.no-queue-group", queueId);
        }
        requireUser(settings.advisorUserId(), "advisorUserId");
        CustomerAdvisor advisor = advisors.findById(new CustomerAdvisor.Key(existingCustomerId, queueId))
                .orElseGet(() -> new CustomerAdvisor(existingCustomerId, queueId, settings.advisorUserId()));
        advisor.advisedBy(settings.advisorUserId());
        advisors.save(advisor);
        return new AdvisorView(existingCustomerId, queueId, advisor.getAdvisorUserId());
    }

    /** A missing user in the path is a 404; in the body, a 400 naming the field. */
    private void requireUser(String userId, String field) {
        if (identityService.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        if (field == null) {
            throw NotFoundException.of("problem.common.no-user", userId);
        }
        throw InvalidRequestException.of(field, "problem.common.unknown-user", userId);
    }
}
