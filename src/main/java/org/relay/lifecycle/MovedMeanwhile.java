package org.relay.lifecycle;

import org.relay.common.LifecycleInputException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.relay.common.ConflictException;
import org.springframework.stereotype.Component;

/**
 * Drives a referral's task on behalf of a request (the API, an email action link) and turns a lost race into a
 * {@link ConflictException}: a 409, or the email page's "moved on". Requests through Relay wait
 * for the referral's lock (see ReferralLookup), but Tasklist and the job executor do not: when one of them completes
 * or moves the task at the same moment, the engine may fail anywhere on the way — its optimistic lock, a listener
 * reading a variable the other transaction was replacing, even a NullPointerException on the execution tree. Whatever
 * the failure, a task that is gone afterwards was decided by someone else.
 */
@Component
public class MovedMeanwhile {

    private final TaskService taskService;

    MovedMeanwhile(TaskService taskService) {
        this.taskService = taskService;
    }

    public void guard(Task task, String referenceNumber, Runnable work) {
        try {
            work.run();
        } catch (LifecycleInputException refused) {
            throw refused;
        } catch (RuntimeException failure) {
            if (isConcurrency(failure) || isGone(task)) {
                throw ConflictException.of("problem.referral.moved-meanwhile", referenceNumber);
            }
            throw failure;
        }
    }

    /** Asked after a failure: if the failure was the database's, this transaction cannot ask any more (then: no). */
    private boolean isGone(Task task) {
        try {
            return taskService.createTaskQuery().taskId(task.getId()).count() == 0;
        } catch (RuntimeException cannotTell) {
            return false;
        }
    }

    private static boolean isConcurrency(RuntimeException e) {
        return e instanceof OptimisticLockingException || e instanceof TaskAlreadyClaimedException;
    }
}
