package org.relay.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a JVM's CPU samples went (a flight recording's jdk.ExecutionSample events), in two views: by the library
 * running at the sampled moment (the first frame outside the JDK), and by the share of samples whose stack passes
 * through a piece of work (decisions, history, variables, Hibernate, Relay's own code …), which overlap.
 */
record JvmProfile(int samples, Map<String, Integer> running, Map<String, Integer> passingThrough,
                  Map<String, Integer> relayMethods) {

    /** Library by package prefix, in order: the first that matches names the frame. */
    private static final List<Map.Entry<String, String>> LIBRARIES = List.of(
            Map.entry("org.postgresql", "PostgreSQL JDBC driver"),
            Map.entry("com.zaxxer.hikari", "connection pool"),
            Map.entry("org.apache.ibatis", "MyBatis (the engine's SQL mapping)"),
            Map.entry("org.hibernate", "Hibernate / JPA"),
            Map.entry("org.camunda.bpm.dmn", "DMN / FEEL (decisions)"),
            Map.entry("org.camunda.feel", "DMN / FEEL (decisions)"),
            Map.entry("camundajar", "DMN / FEEL (decisions)"),
            Map.entry("scala", "DMN / FEEL (decisions)"),
            Map.entry("org.camunda.bpm.engine.impl.history", "engine: history"),
            Map.entry("org.camunda.bpm.engine.impl.variable", "engine: variables"),
            Map.entry("org.camunda.bpm.engine.variable", "engine: variables"),
            Map.entry("org.camunda.bpm.engine.impl.persistence", "engine: persistence (entities, flush)"),
            Map.entry("org.camunda.bpm.engine.impl.db", "engine: persistence (entities, flush)"),
            Map.entry("org.camunda.bpm.engine.impl.cfg.auth", "engine: authorization checks"),
            Map.entry("org.camunda.bpm.engine.impl.el", "engine: expressions (JUEL)"),
            Map.entry("org.camunda", "engine: other"),
            Map.entry("com.fasterxml.jackson", "Jackson"),
            Map.entry("org.thymeleaf", "mail (Thymeleaf, Jakarta Mail)"),
            Map.entry("jakarta.mail", "mail (Thymeleaf, Jakarta Mail)"),
            Map.entry("org.eclipse.angus", "mail (Thymeleaf, Jakarta Mail)"),
            Map.entry("com.icegreen", "GreenMail (the test's SMTP server)"),
            Map.entry("org.relay", "Relay's own code"),
            Map.entry("org.springframework", "Spring"),
            Map.entry("org.apache", "Tomcat and other Apache libraries"));

    /** Work a sample's stack may pass through (any frame of it), by a frame's class-name prefix or fragment. */
    private static final Map<String, List<String>> WORK = new LinkedHashMap<>();

    static {
        WORK.put("in a decision (DMN evaluation: scoring, SLA, routing)", List.of("org.camunda.bpm.dmn.engine.impl"));
        WORK.put("producing or writing history", List.of("org.camunda.bpm.engine.impl.history"));
        WORK.put("setting or serialising process variables", List.of("org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope.setVariable",
                "org.camunda.bpm.engine.impl.variable.serializer"));
        WORK.put("engine flush (SQL of the engine's entities)", List.of("org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush"));
        WORK.put("Hibernate (Relay's JPA entities)", List.of("org.hibernate"));
        WORK.put("authorization checks", List.of("org.camunda.bpm.engine.impl.cfg.auth", "AuthorizationManager"));
        WORK.put("in Relay's intake (ReferralIntake.create)", List.of("org.relay.referral.ReferralIntake.create"));
        WORK.put("in a review task's create listeners (assign, show in task list)", List.of("org.relay.routing.AssignReviewTask", "ShowInTaskList"));
        WORK.put("in the \"task ready\" job (notify recipient)", List.of("NotifyRecipient"));
        WORK.put("sending or rendering mail", List.of("jakarta.mail", "org.thymeleaf", "org.eclipse.angus"));
    }

    static JvmProfile of(Path recording) throws IOException {
        Map<String, Integer> running = new LinkedHashMap<>();
        Map<String, Integer> passing = new LinkedHashMap<>();
        Map<String, Integer> relayMethods = new LinkedHashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            String library = "JDK only";
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (!(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun."))) {
                    library = LIBRARIES.stream().filter(e -> type.startsWith(e.getKey())).map(Map.Entry::getValue)
                            .findFirst().orElse("other: " + type.substring(0, Math.max(0, type.lastIndexOf('.'))));
                    break;
                }
            }
            running.merge(library, 1, Integer::sum);
            // the innermost of Relay's own methods on the stack: what Relay asked for when the time was spent
            frames.stream().filter(frame -> frame.getMethod().getType().getName().startsWith("org.relay")).findFirst()
                    .ifPresent(frame -> relayMethods.merge(simpleName(frame.getMethod().getType().getName()) + "."
                            + frame.getMethod().getName(), 1, Integer::sum));
            for (Map.Entry<String, List<String>> work : WORK.entrySet()) {
                boolean through = frames.stream().anyMatch(frame -> {
                    String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                    return work.getValue().stream().anyMatch(name::contains);
                });
                if (through) {
                    passing.merge(work.getKey(), 1, Integer::sum);
                }
            }
        }
        return new JvmProfile(samples, running, passing, relayMethods);
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    String markdown() {
        StringBuilder text = new StringBuilder(String.format("%nJVM CPU samples during the import (Java Flight Recorder): %d%n%n", samples));
        text.append("| running at the sampled moment (first frame outside the JDK) | share of samples |\n| --- | ---: |\n");
        running.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(14)
                .forEach(e -> text.append(String.format("| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / samples)));
        text.append("\n| samples whose stack passes through (they overlap) | share of samples |\n| --- | ---: |\n");
        passingThrough.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> text.append(String.format("| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / samples)));
        text.append("\n| Relay's innermost method on the stack (inclusive: what it called costs it too) | share of samples |\n| --- | ---: |\n");
        relayMethods.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> text.append(String.format("| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / samples)));
        return text.toString();
    }
}
