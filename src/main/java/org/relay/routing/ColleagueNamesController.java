package org.relay.routing;

import org.relay.common.DirectoryNames;
import org.camunda.bpm.engine.IdentityService;
import org.relay.common.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Colleagues' display names by user id, for pages that show who did what (the Cockpit referral page's timeline):
 * {@code GET /api/users?id=bob&id=bianca}. Names only, as the queue member lists give them to any signed-in user;
 * unknown ids are left out.
 */
@RestController
class ColleagueNamesController {

    static final int MAX_IDS = 100;

    record Colleague(String userId, String name) {
    }

    private final IdentityService identityService;

    ColleagueNamesController(IdentityService identityService) {
        this.identityService = identityService;
    }

    @GetMapping("/api/users")
    List<Colleague> names(@RequestParam(required = false) List<String> id) {
        if (id == null || id.isEmpty() || id.size() > MAX_IDS || id.stream().anyMatch(v -> v == null || v.isBlank() || v.length() > 64)) {
            throw InvalidRequestException.of("id", "problem.colleagues.ids", String.valueOf(MAX_IDS));
        }
        return identityService.createUserQuery().userIdIn(id.stream().distinct().toArray(String[]::new)).list().stream()
                .map(user -> new Colleague(user.getId(), DirectoryNames.of(user)))
                .toList();
    }
}
