package org.relay.lifecycle;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain task lookup answers what Camunda's criteria task query answers, for one referral's lifecycle only. */
class LifecycleTasksTest extends RelayIntegrationTest {

    @Autowired
    ReferralIntake intake;

    @Autowired
    LifecycleTasks lifecycleTasks;

    @Test
    void finds_the_open_task_of_its_own_referral_as_the_engine_query_does() {
        Referral kiaras = intake.create(RelayTestData.kiarasMortgage());
        Referral other = intake.create(RelayTestData.kiarasMortgage());
        String instance = kiaras.getProcessInstanceId();
        Task expected = processEngine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();

        List<Task> open = lifecycleTasks.open(instance);

        assertThat(open).singleElement().satisfies(task -> {
            assertThat(task.getId()).isEqualTo(expected.getId());
            assertThat(task.getTaskDefinitionKey()).isEqualTo(LifecycleVariables.REVIEW_TASK);
            assertThat(task.getAssignee()).isEqualTo(expected.getAssignee()).isNotNull();
            assertThat(task.getPriority()).isEqualTo(expected.getPriority());
            assertThat(task.getDueDate()).isEqualTo(expected.getDueDate()).isNotNull();
            assertThat(task.getCreateTime()).isEqualTo(expected.getCreateTime());
        });
        assertThat(lifecycleTasks.open(other.getProcessInstanceId())).singleElement()
                .extracting(Task::getId).isNotEqualTo(expected.getId());
        assertThat(lifecycleTasks.open(instance, LifecycleVariables.REVIEW_TASK)).map(Task::getId)
                .contains(expected.getId());
        assertThat(lifecycleTasks.open(instance, LifecycleVariables.WORK_TASK)).isEmpty();
        assertThat(lifecycleTasks.open(null)).isEmpty();
    }

    @Test
    void follows_the_lifecycle_from_review_to_work() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        String instance = referral.getProcessInstanceId();
        Task review = lifecycleTasks.open(instance, LifecycleVariables.REVIEW_TASK).orElseThrow();

        processEngine.getTaskService().complete(review.getId(), Map.of(LifecycleVariables.REVIEW_DECISION, "accept"));

        assertThat(lifecycleTasks.open(instance, LifecycleVariables.REVIEW_TASK)).isEmpty();
        assertThat(lifecycleTasks.open(instance)).singleElement()
                .extracting(Task::getTaskDefinitionKey).isEqualTo(LifecycleVariables.WORK_TASK);
    }
}
