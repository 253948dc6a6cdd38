package dev.playbook.render.diagram;

import dev.playbook.render.RenderFixtures;
import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Across whole builds: a second build of an unchanged site draws no diagram at all. */
class DiagramCacheBuildTest {

    @Test
    void aSecondBuildOfAnUnchangedSiteDrawsNothing(@TempDir Path temp) {
        Outcome first = Builds.build(RenderFixtures.folder("flow"), "flow", temp.resolve("site"), null, temp.resolve("cache"));
        assertTrue(first.succeeded(), () -> first.diagnostics().sorted() + " " + first.failureMessage());
        assertEquals(2, Builds.summary(first).diagramsDrawn(), "the flowchart and the swimlanes are drawn once");

        Outcome second = Builds.build(RenderFixtures.folder("flow"), "flow", temp.resolve("site"), null, temp.resolve("cache"));
        assertTrue(second.succeeded());
        assertEquals(0, Builds.summary(second).diagramsDrawn());
        assertEquals(Builds.summary(first).diagramsDrawn(), Builds.summary(second).diagramsCached());
    }

    @Test
    void checkReadsTheCacheButNeverFillsIt(@TempDir Path temp) {
        Outcome first = Builds.check(RenderFixtures.folder("flow"), "flow", null, temp.resolve("cache"));
        Outcome second = Builds.check(RenderFixtures.folder("flow"), "flow", null, temp.resolve("cache"));
        assertEquals(2, Builds.summary(first).diagramsDrawn());
        assertEquals(2, Builds.summary(second).diagramsDrawn(), "nothing was cached by the first check");
        assertTrue(!temp.resolve("cache").toFile().exists(), "check wrote a cache folder");
    }
}
