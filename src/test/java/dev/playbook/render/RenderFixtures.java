package dev.playbook.render;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.Loader;
import dev.playbook.model.Site;
import dev.playbook.resolve.Resolver;
import dev.playbook.testing.DiagnosticSpec;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Loads a fixture folder under {@code src/test/resources/render} into a resolved site. */
public final class RenderFixtures {
    private RenderFixtures() {
    }

    public static Path folder(String name) {
        return DiagnosticSpec.resource("render/" + name);
    }

    public static Site site(String name) {
        return site(folder(name), name);
    }

    /** A folder of definitions anywhere, e.g. written by a test, named {@code shown} in messages. */
    public static Site site(Path folder, String shown) {
        Diagnostics diagnostics = new Diagnostics();
        Site site = new Resolver().resolve(new Loader().load(folder, shown, diagnostics), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> "fixture " + shown + " has errors: " + diagnostics.sorted());
        return site;
    }

    public static Messages messages(dev.playbook.model.Language language) throws Exception {
        return new Theme(null).messages().get(language);
    }
}
