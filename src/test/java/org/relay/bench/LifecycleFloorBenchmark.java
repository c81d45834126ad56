package org.relay.bench;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.relay.support.CpuTime;
import org.relay.support.Parallel;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The engine's own floor for Relay's lifecycle (mvn -Pbench verify -Dtest=LifecycleFloorBenchmark): the shipped
 * processes/referral-lifecycle.bpmn started as it is — its ten activities up to the review task, the SLA and routing
 * tables evaluated, the two review timers, the four message subprocesses' subscriptions, the history Relay keeps —
 * but with every delegate and listener taken out (service tasks evaluate {@code ${true}}), so none of Relay's own
 * work (scoring, routing look-ups, the referral row and its timeline, Tasklist columns) is in it. Against the bare
 * one-user-task start in the same run, on the same 4 threads: how many bare starts the lifecycle's shape alone costs,
 * whatever Relay does around it. Results: target/benchmarks/lifecycle-floor.md.
 */
@Tag("benchmark")
class LifecycleFloorBenchmark extends RelayIntegrationTest {

    static final int N = Integer.getInteger("relay.bench.floor", 3_000);
    static final int WARM_UP = 500;
    static final int THREADS = 4;

    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    DecisionService decisions;

    /** The shipped shape, and the same with parts taken out: what each part of the picture costs the engine. */
    enum Variant {
        AS_SHIPPED("as shipped"),
        NO_MESSAGE_SUBPROCESSES("without the four customer and meeting message subprocesses"),
        NO_REVIEW_TIMERS("without the two review timers (warning, escalation)"),
        NEITHER("without both");

        final String label;

        Variant(String label) {
            this.label = label;
        }

        String key() {
            return "BenchFloor_" + name();
        }
    }

    @Test
    void the_lifecycle_shape_alone_against_the_bare_engine() throws Exception {
        var deployment = repository.createDeployment().addModelInstance("bench-one-task.bpmn",
                Bpmn.createExecutableProcess("BenchOneTask").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_Bench").endEvent().done());
        for (Variant variant : Variant.values()) {
            deployment.addModelInstance(variant.key() + ".bpmn", floorModel(variant));
        }
        deployment.deploy();

        for (Variant variant : Variant.values()) {
            Parallel.run(WARM_UP, THREADS, i -> startFloor(variant, "W-" + variant + i));
        }
        Parallel.run(WARM_UP, THREADS, i -> runtime.startProcessInstanceByKey("BenchOneTask", "W-" + i));
        Parallel.run(WARM_UP, THREADS, i -> decideBoth());

        List<String> rows = new ArrayList<>();
        double[] shipped = new double[2];
        for (int round = 1; round <= 2; round++) {
            int r = round;
            CpuTime.Spent bare = CpuTime.Spent.of(() -> Parallel.run(N, THREADS,
                    i -> runtime.startProcessInstanceByKey("BenchOneTask", "B" + r + "-" + i)));
            rows.add(row(r, "bare engine: one user task", bare, bare));
            for (Variant variant : Variant.values()) {
                CpuTime.Spent floor = CpuTime.Spent.of(() -> Parallel.run(N, THREADS,
                        i -> startFloor(variant, "F" + r + variant + "-" + i)));
                rows.add(row(r, "lifecycle " + variant.label, floor, bare));
                if (variant == Variant.AS_SHIPPED) {
                    shipped[round - 1] = floor.msPer(N) / bare.msPer(N);
                }
            }
            CpuTime.Spent decisions = CpuTime.Spent.of(() -> Parallel.run(N, THREADS, i -> decideBoth()));
            rows.add(row(r, "the SLA and routing tables alone (DecisionService, no process)", decisions, bare));
        }
        String result = String.format("""
                Lifecycle floor: processes/referral-lifecycle.bpmn with Relay's delegates and listeners taken out (service tasks evaluate ${true}; the tables decide on transient inputs as DecisionInputs gives them; the recipient assigned from a variable), %d starts per row on %d threads; each round's bare baseline measured first.

                | round | what | per second | CPU per start | JVM | PostgreSQL | rate ÷ bare rate | CPU ÷ bare CPU |
                | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |
                %s

                PostgreSQL's CPU: %s.

                Relay's import at 40 %% of the bare rate would have to do all its work per lead in 2.5 bare starts; the lifecycle's shape alone costs %.1f–%.1f.
                """, N, THREADS, String.join("\n", rows),
                CpuTime.postmasterPid() == 0 ? "every PostgreSQL process on the machine"
                        : "the test server only (postmaster " + CpuTime.postmasterPid() + " and its backends)",
                Math.min(shipped[0], shipped[1]), Math.max(shipped[0], shipped[1]));
        System.out.println(result);
        Path out = Path.of("target", "benchmarks", "lifecycle-floor.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
    }

    private static String row(int round, String what, CpuTime.Spent spent, CpuTime.Spent bare) {
        return String.format("| %d | %s | %.1f | %.2f ms | %.2f ms | %.2f ms | %.1f %% | %.1f × |", round, what,
                N / spent.seconds(), spent.msPer(N), spent.jvmMsPer(N), spent.postgresMsPer(N),
                100 * bare.seconds() / spent.seconds(), spent.msPer(N) / bare.msPer(N));
    }

    private void decideBoth() {
        VariableMap inputs = decisionInputs(Variables.createVariables());
        decisions.evaluateDecisionByKey("ReferralSla").variables(inputs).evaluate();
        decisions.evaluateDecisionByKey("ReferralRouting").variables(inputs).evaluate();
    }

    private void startFloor(Variant variant, String businessKey) {
        Date remind = Date.from(Instant.now().plus(2, ChronoUnit.DAYS));
        Date escalate = Date.from(Instant.now().plus(3, ChronoUnit.DAYS));
        VariableMap variables = Variables.createVariables()
                .putValue("referralId", 1L)
                .putValue("referenceNumber", businessKey)
                .putValue("taskPriority", 50)
                .putValue("recipientUser", "bob")
                .putValue("reviewRemindAt", remind)
                .putValue("reviewEscalateAt", escalate);
        runtime.startProcessInstanceByKey(variant.key(), businessKey, decisionInputs(variables));
    }

    /** The tables' inputs, transient as Relay's DecisionInputs gives them. */
    private static VariableMap decisionInputs(VariableMap variables) {
        return variables.putValueTyped("kind", Variables.stringValue("REFERRAL", true))
                .putValueTyped("recordType", Variables.stringValue("Referral", true))
                .putValueTyped("expressedInterest", Variables.stringValue("Mortgage", true))
                .putValueTyped("interestAmount", Variables.doubleValue(450_000.0, true))
                .putValueTyped("sourceChannel", Variables.stringValue("BRANCH", true))
                .putValueTyped("existingCustomer", Variables.booleanValue(true, true))
                .putValueTyped("customerCity", Variables.stringValue("Springfield", true))
                .putValueTyped("customerRegion", Variables.stringValue("Central", true))
                .putValueTyped("priorityBand", Variables.stringValue("HIGH", true));
    }

    /** The shipped lifecycle, renamed, with Relay's code taken out and the recipient assigned from a variable. */
    private static BpmnModelInstance floorModel(Variant variant) throws Exception {
        BpmnModelInstance model;
        try (InputStream in = Files.newInputStream(Path.of("processes", "referral-lifecycle.bpmn"))) {
            model = Bpmn.readModelFromStream(in);
        }
        model.getModelElementsByType(Process.class).forEach(process -> process.setId(variant.key()));
        // the diagram would point at removed elements; the engine does not need it
        new ArrayList<>(model.getDefinitions().getBpmDiagrams()).forEach(model.getDefinitions()::removeChildElement);
        if (variant == Variant.NO_MESSAGE_SUBPROCESSES || variant == Variant.NEITHER) {
            model.getModelElementsByType(SubProcess.class).stream().filter(SubProcess::triggeredByEvent).toList()
                    .forEach(LifecycleFloorBenchmark::remove);
        }
        if (variant == Variant.NO_REVIEW_TIMERS || variant == Variant.NEITHER) {
            remove(model.getModelElementById("Timer_ReviewEscalation"));
            remove(model.getModelElementById("Timer_ReviewReminder"));
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
            task.setCamundaExpression("${true}");
        }
        List<ModelElementInstance> listeners = new ArrayList<>();
        listeners.addAll(model.getModelElementsByType(CamundaExecutionListener.class));
        listeners.addAll(model.getModelElementsByType(CamundaTaskListener.class));
        for (ModelElementInstance listener : listeners) {
            listener.getParentElement().removeChildElement(listener);
        }
        model.getModelElementById("Task_ReviewReferral").setAttributeValueNs(
                "http://camunda.org/schema/1.0/bpmn", "assignee", "${recipientUser}");
        // the import's path at "Tell the recipient now?": the review task only (its leads go out in the digest)
        model.getModelElementsByType(ConditionExpression.class).stream()
                .filter(condition -> condition.getTextContent().contains("recipientNotice"))
                .forEach(condition -> condition.setTextContent("${false}"));
        Bpmn.validateModel(model);
        return model;
    }

    /** Takes a flow node out with its sequence flows (the flows' other ends forget them). */
    private static void remove(FlowNode node) {
        List<SequenceFlow> flows = new ArrayList<>(node.getIncoming());
        flows.addAll(node.getOutgoing());
        for (SequenceFlow flow : flows) {
            flow.getSource().getOutgoing().remove(flow);
            flow.getTarget().getIncoming().remove(flow);
            flow.getParentElement().removeChildElement(flow);
        }
        node.getParentElement().removeChildElement(node);
    }
}
