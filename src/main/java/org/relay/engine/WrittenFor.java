package org.relay.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The engine versions a class touching Camunda's internals was written and measured against. Camunda 7 Community
 * Edition ended with 7.24.0: nobody upstream keeps these internals stable, so EnginePatchesVersionTest fails when
 * the running versions differ, and each class must be re-read against the new engine before the test is updated.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WrittenFor {

    /** Camunda's product version, as {@code ProductPropertiesUtil.getProductVersion()} reports it. */
    String camunda();

    /** The FEEL engine's version (org.camunda.feel:feel-engine) for classes that depend on it; empty when none do. */
    String feel() default "";

    /**
     * The property switching the class off ({@code relay.engine.<name>=false}); empty when it cannot be (the shared
     * clock). Off, Relay works as with Camunda's own behaviour, only slower (docs/operations.md says what each costs).
     */
    String switchedOffBy() default "";
}
