package org.relay.referral;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.relay.common.NotFoundException;
import org.relay.common.RelayProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The link in every email: {@code /referrals/REF-000123/task} redirects to the referral's current task in Tasklist.
 * Mails are sent before the task exists and the task changes as the referral moves; this link always fits.
 */
@RestController
class OpenTaskLink {

    private final ReferralLookup lookup;
    private final TaskService taskService;
    private final RelayProperties properties;

    OpenTaskLink(ReferralLookup lookup, TaskService taskService, RelayProperties properties) {
        this.lookup = lookup;
        this.taskService = taskService;
        this.properties = properties;
    }

    @GetMapping("/referrals/{referenceNumber}/task")
    ResponseEntity<Void> open(@PathVariable String referenceNumber) {
        Referral referral = lookup.require(referenceNumber);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(referenceNumber)
                .orderByTaskCreateTime().desc().listPage(0, 1).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Referral " + referenceNumber + " has no open task (it is "
                        + referral.getStatus() + ")"));
        HttpHeaders headers = new HttpHeaders();
        headers.setLocation(URI.create(properties.tasklistLink(task.getId())));
        return new ResponseEntity<>(headers, HttpStatus.FOUND);
    }
}
