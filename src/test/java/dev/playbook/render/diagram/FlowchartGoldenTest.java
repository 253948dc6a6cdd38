package dev.playbook.render.diagram;

import dev.playbook.render.Theme;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.Loader;
import dev.playbook.model.Language;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.resolve.Resolver;
import dev.playbook.testing.DiagnosticSpec;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The flowchart's PlantUML source, whole, against a file written down once and read by a
 * person: the order of the boxes, the nesting of partitions and decisions, where each arm ends.
 * Each folder {@code flowchart/NAME/} holds a playbook whose expected source is {@code flowchart/NAME.puml};
 * {@code -Dgolden.write=true} writes the files anew, to be read and committed by hand.
 */
@Execution(ExecutionMode.CONCURRENT)
class FlowchartGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"phases", "branches"})
    void theFlowchartIsExactlyAsWrittenDown(String name) throws Exception {
        Path folder = DiagnosticSpec.resource("flowchart");
        Diagnostics diagnostics = new Diagnostics();
        Site site = new Resolver().resolve(new Loader().load(folder.resolve(name), name, diagnostics), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> diagnostics.sorted().toString());
        Playbook playbook = site.playbooks().get(0);
        String actual = FlowchartWriter.write(playbook, new Theme(null).messages().get(Language.EN));
        if (Boolean.getBoolean("golden.write")) Files.writeString(Path.of("src/test/resources/flowchart", name + ".puml"), actual);
        String expected = Files.readString(folder.resolve(name + ".puml"), StandardCharsets.UTF_8);
        assertEquals(expected, actual);
    }
}
