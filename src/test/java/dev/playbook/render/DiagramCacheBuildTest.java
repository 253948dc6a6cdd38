package dev.playbook.render;

import dev.playbook.SiteBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Across whole builds: a second build of an unchanged site draws no diagram at all. */
class DiagramCacheBuildTest {

    @Test
    void aSecondBuildOfAnUnchangedSiteDrawsNothing(@TempDir Path temp) {
        SiteBuild build = new SiteBuild("test");
        SiteBuild.Options options = new SiteBuild.Options(RenderFixtures.folder("flow"), "flow",
                temp.resolve("site"), null, temp.resolve("cache"));
        SiteBuild.Report first = build.build(options);
        assertTrue(first.succeeded(), () -> first.diagnostics().sorted() + " " + first.failure());
        assertEquals(2, first.diagramsDrawn(), "the flowchart and the swimlanes are drawn once");

        SiteBuild.Report second = build.build(options);
        assertTrue(second.succeeded());
        assertEquals(0, second.diagramsDrawn());
        assertEquals(first.diagramsDrawn(), second.diagramsCached());
    }

    @Test
    void checkReadsTheCacheButNeverFillsIt(@TempDir Path temp) {
        SiteBuild.Options options = new SiteBuild.Options(RenderFixtures.folder("flow"), "flow", null, null,
                temp.resolve("cache"));
        SiteBuild.Report first = new SiteBuild("test").check(options);
        SiteBuild.Report second = new SiteBuild("test").check(options);
        assertEquals(2, first.diagramsDrawn());
        assertEquals(2, second.diagramsDrawn(), "nothing was cached by the first check");
        assertTrue(!temp.resolve("cache").toFile().exists(), "check wrote a cache folder");
    }
}
