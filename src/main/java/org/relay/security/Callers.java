package org.relay.security;

import org.camunda.bpm.engine.IdentityService;
import org.relay.common.ForbiddenException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/** Who is asking: the caller of the current request, as Spring Security authenticated them. */
@Component
public class Callers {

    private final IdentityService identityService;

    Callers(IdentityService identityService) {
        this.identityService = identityService;
    }

    /**
     * Who acts, wherever the code runs: the API caller, else the Tasklist user the engine is working for, else null
     * (the public web form, the job executor).
     */
    public String currentUserIdOrNull() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return authentication.getName();
        }
        var engineUser = identityService.getCurrentAuthentication();
        return engineUser != null ? engineUser.getUserId() : null;
    }

    /**
     * Another user with their groups: the person an administrator acts for, judged by the per-referral rules (the
     * manager role, which only opens whole areas of the API, is not worked out for them). Null if there is no such user.
     */
    public Caller named(String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            return null;
        }
        Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).collect(Collectors.toUnmodifiableSet());
        return new Caller(userId, groups, false);
    }

    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new AuthenticationCredentialsNotFoundException("Sign in to use Relay's API");
        }
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(RelayAuthorities.GROUP_PREFIX))
                .map(a -> a.substring(RelayAuthorities.GROUP_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        boolean manager = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_MANAGER"));
        return new Caller(authentication.getName(), groups, manager);
    }

    /** Data about one user (their open referrals, their score) is for them, managers and administrators: 403 otherwise. */
    public void requireSelfOrManager(String userId) {
        Caller caller = current();
        if (!caller.is(userId) && !caller.manager() && !caller.isAdmin()) {
            throw ForbiddenException.of("problem.access.self-or-manager", userId);
        }
    }

    /**
     * A request field that names who acts ({@code requestedBy}, {@code recordedBy}): absent means the caller; only an
     * administrator (e.g. an integration account) may act in someone else's name.
     */
    public String actingAs(String named, String field) {
        Caller caller = current();
        if (named == null || named.isBlank() || caller.is(named)) {
            return caller.userId();
        }
        if (!caller.isAdmin()) {
            throw ForbiddenException.of("problem.access.acting-as", field, caller.userId());
        }
        return named;
    }
}
