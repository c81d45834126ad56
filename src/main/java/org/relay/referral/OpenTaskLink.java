package org.relay.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.relay.common.RelayProperties;
import org.relay.security.Caller;
import org.relay.security.Callers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletResponse;

import java.util.Optional;

/**
 * The link in every email: {@code /referrals/REF-000123/task} redirects to the referral's current task in Tasklist.
 * Mails are sent before the task exists and the task changes as the referral moves; this link always fits.
 * <p>
 * Only for a signed-in user (Tasklist session or HTTP Basic) who may see the referral: a task id in a redirect is
 * worth enumerating reference numbers for. Everyone else gets one page whatever the reference: an anonymous caller
 * is asked to sign in to Tasklist and open the link again; a signed-in user who may not see the referral reads the
 * same "no open task" page as for a reference that does not exist.
 */
@Controller
class OpenTaskLink {

    private final ReferralRepository referrals;
    private final TaskService taskService;
    private final RelayProperties properties;
    private final Callers callers;
    private final ReferralAccess access;

    OpenTaskLink(ReferralRepository referrals, TaskService taskService, RelayProperties properties, Callers callers,
                 ReferralAccess access) {
        this.referrals = referrals;
        this.taskService = taskService;
        this.properties = properties;
        this.callers = callers;
        this.access = access;
    }

    @Operation(summary = "Open a referral's task from a mail (HTML)", description = "Redirects a signed-in user who may see the referral to its open task in Tasklist, or says where it stands.",
            responses = @ApiResponse(responseCode = "302", description = "To the task in Tasklist, or a page saying where the referral stands",
                    content = @Content(mediaType = "text/html")))
    @GetMapping("/referrals/{referenceNumber}/task")
    String open(@PathVariable String referenceNumber, Model model, HttpServletResponse response) {
        model.addAttribute("tasklist", properties.publicUrl() + "/camunda/app/tasklist/");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (callers.currentUserIdOrNull() == null) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return "tasklink/sign-in";
        }
        Caller caller = callers.current();
        Optional<Task> task = referrals.findByReferenceNumber(referenceNumber)
                .filter(referral -> access.canSee(caller, referral))
                .flatMap(referral -> taskService.createTaskQuery().processInstanceBusinessKey(referral.getReferenceNumber())
                        .orderByTaskCreateTime().desc().listPage(0, 1).stream().findFirst());
        if (task.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "tasklink/no-task";
        }
        return "redirect:" + properties.tasklistLink(task.get().getId());
    }
}
