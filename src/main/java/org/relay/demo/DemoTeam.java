package org.relay.demo;

import org.relay.security.EngineAuthorizations;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.relay.routing.Advocate;
import org.relay.routing.AdvocateRepository;
import org.relay.routing.CustomerAdvisor;
import org.relay.routing.CustomerAdvisorRepository;
import org.relay.queue.RoutingQueue;
import org.relay.queue.RoutingQueueRepository;
import org.relay.tasklist.TasklistFilters;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The demo bank's people and queues. Ryan (wealth management) refers his client Kiara to mortgage broker Bob
 * (retail lending); Jackie manages the referral programme. Every demo user's password is their user id, or with
 * Camunda's password policy on (PostgreSQL) {@code relay.demo.password} (DemoPasswords).
 */
@Component
public class DemoTeam {

    static final String MANAGERS = "referral-managers";

    record Queue(String id, String name, List<String> members, String lineOfBusiness) {
    }

    record Person(String id, String firstName, String lastName) {
    }

    static final List<Queue> QUEUES = List.of(
            new Queue("retail-lending", "Retail Lending", List.of("bob", "alice", "mike"), "retail-banking"),
            new Queue("cards-and-loans", "Cards and Loans", List.of("carlos", "dana"), "retail-banking"),
            new Queue("wealth-management", "Wealth Management", List.of("ryan", "wendy"), "wealth"),
            new Queue("insurance", "Insurance", List.of("ivan"), "insurance"),
            new Queue("business-banking", "Business Banking", List.of("bianca"), "commercial"),
            new Queue("referral-desk", "Referral Desk", List.of("rita"), null));

    static final List<Person> PEOPLE = List.of(
            new Person("ryan", "Ryan", "Walsh"),
            new Person("wendy", "Wendy", "Park"),
            new Person("bob", "Bob", "Chen"),
            new Person("alice", "Alice", "Romero"),
            new Person("mike", "Mike", "Okoro"),
            new Person("carlos", "Carlos", "Diaz"),
            new Person("dana", "Dana", "Kim"),
            new Person("ivan", "Ivan", "Petrov"),
            new Person("bianca", "Bianca", "Rossi"),
            new Person("rita", "Rita", "Okafor"),
            new Person("jackie", "Jackie", "Morgan"),
            new Person("demo", "Demo", "Admin"));

    /** Lena, a realtor, sends her buyers to Bob: her referrals go straight to him. */
    static final String ADVOCATE_CODE = "ADV-123";

    /** An existing customer whose wealth-management advisor is Wendy. */
    static final String EXISTING_CUSTOMER = "C-1001";

    private final IdentityService identityService;
    private final RoutingQueueRepository queues;
    private final AdvocateRepository advocates;
    private final CustomerAdvisorRepository advisors;
    private final TasklistFilters filters;
    private final EngineAuthorizations authorizations;
    private final DemoPasswords passwords;

    DemoTeam(IdentityService identityService, RoutingQueueRepository queues, AdvocateRepository advocates,
             CustomerAdvisorRepository advisors, TasklistFilters filters, EngineAuthorizations authorizations,
             DemoPasswords passwords) {
        this.passwords = passwords;
        this.authorizations = authorizations;
        this.identityService = identityService;
        this.queues = queues;
        this.advocates = advocates;
        this.advisors = advisors;
        this.filters = filters;
    }

    /** One of the demo team's user ids (DemoOnlyOnDemoDatabase tells a demo database by them). */
    static boolean isDemoUser(String userId) {
        return PEOPLE.stream().anyMatch(person -> person.id().equals(userId));
    }

    public void ensure() {
        PEOPLE.forEach(this::ensureUser);
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM, List.of("demo"));
        ensureGroup(MANAGERS, "Referral Managers", Groups.GROUP_TYPE_WORKFLOW, List.of("jackie"));
        for (Queue queue : QUEUES) {
            ensureGroup(queue.id(), queue.name(), Groups.GROUP_TYPE_WORKFLOW, queue.members());
            if (!queues.existsById(queue.id())) {
                RoutingQueue settings = new RoutingQueue(queue.id(), MANAGERS);
                settings.belongsTo(queue.lineOfBusiness());
                queues.save(settings);
            }
            filters.ensureQueue(queue.id(), queue.name());
        }
        filters.ensureQueue(MANAGERS, "Referral Managers");
        filters.ensureAllReferrals();
        authorizations.ensure();
        if (!advocates.existsById(ADVOCATE_CODE)) {
            advocates.save(new Advocate(ADVOCATE_CODE, "Lena Ortiz (Ortiz Realty)", "bob", true));
        }
        CustomerAdvisor.Key wendysClient = new CustomerAdvisor.Key(EXISTING_CUSTOMER, "wealth-management");
        if (!advisors.existsById(wendysClient)) {
            advisors.save(new CustomerAdvisor(EXISTING_CUSTOMER, "wealth-management", "wendy"));
        }
    }

    /** Who to sign in as, printed at the demo's start: each queue's people and their password. */
    String signInTable() {
        StringBuilder table = new StringBuilder(String.format("%n  %-20s %-18s %s", "user", "password", "queue"));
        for (Queue queue : QUEUES) {
            queue.members().forEach(member -> table.append(row(member, queue.name())));
        }
        table.append(row("jackie", "Referral Managers (manages every queue)"));
        table.append(row("demo", "administrator (camunda-admin)"));
        return table.toString();
    }

    private String row(String userId, String role) {
        return String.format("%n  %-20s %-18s %s", userId, passwords.describe(userId), role);
    }

    String passwordOf(String userId) {
        return passwords.describe(userId);
    }

    private void ensureUser(Person person) {
        if (identityService.createUserQuery().userId(person.id()).count() > 0) {
            return;
        }
        User user = identityService.newUser(person.id());
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEmail(person.id() + "@relay.example");
        user.setPassword(passwords.forNewUser(user));
        identityService.saveUser(user);
    }

    private void ensureGroup(String id, String name, String type, List<String> members) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
        for (String member : members) {
            if (identityService.createUserQuery().userId(member).memberOfGroup(id).count() == 0) {
                identityService.createMembership(member, id);
            }
        }
    }
}
