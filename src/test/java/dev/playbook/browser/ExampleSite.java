package dev.playbook.browser;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.Loader;
import dev.playbook.model.Playbook;
import dev.playbook.model.Site;
import dev.playbook.model.Stage;
import dev.playbook.resolve.Resolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled examples, built into a folder, with the resolved model the tests take their expectations from. */
record ExampleSite(Path root, Site model) {
    static final Path EXAMPLES = Path.of("process-definitions");

    static ExampleSite build(Path folder) {
        Diagnostics diagnostics = new Diagnostics();
        Site model = new Resolver().resolve(new Loader().load(EXAMPLES, "process-definitions", diagnostics), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> "the bundled examples have errors: " + diagnostics.sorted());
        assertFalse(model.playbooks().isEmpty(), "the bundled examples hold no playbook");
        Path out = folder.resolve("site").toAbsolutePath();
        Outcome report = Builds.build(EXAMPLES, "process-definitions", out, null);
        assertTrue(report.succeeded(), () -> "building the examples failed: " + report.failureMessage() + " "
                + report.diagnostics().sorted());
        return new ExampleSite(out, model);
    }

    Path file(String relative) {
        return root.resolve(relative);
    }

    Path playbookFile(Playbook pb, String name) {
        return root.resolve(pb.id()).resolve(name);
    }

    Path stagePage(Playbook pb, Stage stage) {
        return root.resolve(pb.id()).resolve("stages").resolve(stage.id() + ".html");
    }

    List<Path> htmlFiles() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
