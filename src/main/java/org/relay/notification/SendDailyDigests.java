package org.relay.notification;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.relay.common.RelayProperties;
import org.relay.i18n.Texts;
import org.relay.i18n.UserLanguages;
import org.relay.lifecycle.LifecycleVariables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Service task of the daily digest process: one mail per user with open referral tasks, best first. Off unless
 * {@code relay.digest.enabled}; one digest per user and day even if the job is retried.
 */
@Component("sendDailyDigests")
class SendDailyDigests implements JavaDelegate {

    /** One line of a digest. */
    public record Line(String referenceNumber, String customer, String product, String task, int priority,
                       String link) {
    }

    private final boolean enabled;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final TemplateEngine templates;
    private final MailDelivery delivery;
    private final SentLog sentLog;
    private final RelayProperties properties;
    private final Clock clock;
    private final UserLanguages userLanguages;
    private final Texts texts;

    SendDailyDigests(@Value("${relay.digest.enabled:false}") boolean enabled, TaskService taskService,
                     IdentityService identityService, TemplateEngine templates, MailDelivery delivery, SentLog sentLog,
                     RelayProperties properties, Clock clock, UserLanguages userLanguages, Texts texts) {
        this.userLanguages = userLanguages;
        this.texts = texts;
        this.enabled = enabled;
        this.taskService = taskService;
        this.identityService = identityService;
        this.templates = templates;
        this.delivery = delivery;
        this.sentLog = sentLog;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!enabled) {
            return;
        }
        Map<String, List<Task>> byAssignee = new LinkedHashMap<>();
        for (Task task : taskService.createTaskQuery().processDefinitionKey(LifecycleVariables.PROCESS_KEY)
                .taskAssigned().orderByTaskAssignee().asc().orderByTaskPriority().desc().list()) {
            byAssignee.computeIfAbsent(task.getAssignee(), a -> new java.util.ArrayList<>()).add(task);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        byAssignee.forEach((userId, tasks) -> send(userId, tasks, today));
    }

    private void send(String userId, List<Task> tasks, LocalDate today) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null || user.getEmail() == null) {
            return;
        }
        String key = "digest:" + userId + ":" + today;
        if (sentLog.wasSent(key, user.getEmail())) {
            return;
        }
        List<Line> lines = tasks.stream().map(task -> {
            // the task's list columns (tasklist/ShowInTaskList), read from the referral when the task was created
            Map<String, Object> vars = taskService.getVariablesLocal(task.getId(),
                    List.of("listReference", "listCustomer", "listInterest"));
            return new Line(String.valueOf(vars.get("listReference")), String.valueOf(vars.get("listCustomer")),
                    String.valueOf(vars.get("listInterest")), task.getName(), task.getPriority(),
                    properties.tasklistLink(task.getId()));
        }).toList();
        Locale language = userLanguages.of(userId);
        Context context = new Context(language);
        context.setVariable("name", user.getFirstName());
        context.setVariable("lines", lines);
        String subject = texts.get("mail.daily-digest.subject", language, lines.size());
        delivery.send(new MailMessage(List.of(user.getEmail()), subject,
                templates.process("mail/daily-digest.txt", context), templates.process("mail/daily-digest", context)));
        sentLog.sent(null, key, user.getEmail(), subject);
    }
}
