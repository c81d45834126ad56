package org.relay.engine;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/**
 * Each class of Relay's that touches Camunda's internals (they all live in this package, see ArchitectureTest) says
 * which engine versions it was written and measured against; this fails when the running engine is another one, so
 * an upgrade starts by re-reading each of them (docs/operations.md, "Relay's changes to engine internals").
 */
class EngineInternalsVersionTest {

    private static final List<JavaClass> WRITTEN_FOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.relay.engine").stream()
            .filter(c -> c.isAnnotatedWith(WrittenFor.class))
            .toList();

    @Test
    void every_class_touching_engine_internals_was_written_for_the_running_camunda() {
        Assertions.assertThat(WRITTEN_FOR).hasSizeGreaterThanOrEqualTo(8);
        for (JavaClass patch : WRITTEN_FOR) {
            Assertions.assertThat(patch.reflect().getAnnotation(WrittenFor.class).camunda())
                    .as(patch.getSimpleName() + " was written for another Camunda: re-read it, then update @WrittenFor")
                    .isEqualTo(ProductPropertiesUtil.getProductVersion());
        }
    }

    @Test
    void the_feel_parse_cache_was_written_for_the_running_feel_engine() throws IOException {
        String feel = FeelParseCache.class.getAnnotation(WrittenFor.class).feel();
        Assertions.assertThat(feel).as("FeelParseCache names its FEEL version").isNotEmpty();
        Assertions.assertThat(feelEngineVersion())
                .as("FEEL engine changed: re-read FeelParseCache (it caches the engine's parsed expressions)")
                .isEqualTo(feel);
    }

    @Test
    void every_switchable_change_names_its_property_and_every_other_says_why_not() {
        for (JavaClass patch : WRITTEN_FOR) {
            String property = patch.reflect().getAnnotation(WrittenFor.class).switchedOffBy();
            if (!property.isEmpty()) {
                Assertions.assertThat(property).as(patch.getSimpleName()).startsWith("relay.engine.");
            }
        }
        Assertions.assertThat(WRITTEN_FOR).filteredOn(c -> !c.reflect().getAnnotation(WrittenFor.class).switchedOffBy().isEmpty())
                .extracting(JavaClass::getSimpleName)
                .contains("IdCheckWithoutToString", "FeelParseCache", "SaturatedJobExecutor", "EngineIndexes",
                        "AuthorizedGroupsByIndex", "AuthorizedCommandsPlannedPerCall");
    }

    private static String feelEngineVersion() throws IOException {
        try (InputStream in = org.camunda.feel.FeelEngine.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.camunda.feel/feel-engine/pom.properties")) {
            Assertions.assertThat(in).as("feel-engine's pom.properties on the classpath").isNotNull();
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
