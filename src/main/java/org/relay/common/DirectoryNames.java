package org.relay.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * People and queues by the names bankers know them by ("Alice Jones", "Retail Lending") instead of their ids, for
 * texts people read (routing reasons, views). Cached for a few minutes: routing asks on every referral, and a
 * renamed colleague may keep the old name that long. An unknown id is shown as itself.
 */
@Component
public class DirectoryNames {

    private static final Duration KEPT = Duration.ofMinutes(5);

    private final IdentityService identityService;
    private final Cache<String, String> people = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(KEPT).build();
    private final Cache<String, String> firstNames = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(KEPT).build();
    private final Cache<String, String> groups = Caffeine.newBuilder().maximumSize(2_000).expireAfterWrite(KEPT).build();

    DirectoryNames(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String person(String userId) {
        return userId == null ? null : people.get(userId, id -> unrestricted(() -> {
            User user = identityService.createUserQuery().userId(id).singleResult();
            return user == null ? id : of(user);
        }));
    }

    /** "Alice", for texts outside the bank (a referrer's or customer's page); the full name when none is kept. */
    public String firstName(String userId) {
        return userId == null ? null : firstNames.get(userId, id -> unrestricted(() -> {
            User user = identityService.createUserQuery().userId(id).singleResult();
            return user == null ? id : user.getFirstName() == null || user.getFirstName().isBlank() ? of(user)
                    : user.getFirstName().trim();
        }));
    }

    public String queue(String groupId) {
        return groupId == null ? null : groups.get(groupId, id -> unrestricted(() -> {
            Group group = identityService.createGroupQuery().groupId(id).singleResult();
            return group == null || group.getName() == null || group.getName().isBlank() ? id : group.getName();
        }));
    }

    /** "Alice Jones", or the id when the user has no name. */
    public static String of(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }

    /**
     * Names are the same whoever asks: looked up without the signed-in user's engine authorization checks (a
     * Tasklist user without READ on users would otherwise cache the id as the name for everyone).
     */
    private <T> T unrestricted(Supplier<T> lookup) {
        return WithoutEngineUser.run(identityService, lookup);
    }
}
