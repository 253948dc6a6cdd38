package dev.playbook.serve;

import dev.playbook.Outcome;
import dev.playbook.Pipeline;
import dev.playbook.plan.SitePaths;
import dev.playbook.testing.Builds;
import dev.playbook.testing.DiagnosticSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview serves a playbook's onboarding pack, drawn only when asked for (an author saves far
 * more often than anyone opens the PDF), drawn again when the playbook changes, and drops it when
 * it is turned off.
 */
class LiveBuildPackTest {

    @Test
    void thePackFollowsItsPlaybook(@TempDir Path temp) throws Exception {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Path definition = source.resolve("small.yaml");
        String text = Files.readString(DiagnosticSpec.resource("pdf/site-off/small.yaml"));
        Files.writeString(definition, text);
        LiveBuild build = new LiveBuild(new Pipeline.Input(source, "definitions", null, null), "test");
        String pack = SitePaths.onboardingPack("small");

        assertTrue(build.rebuild(false).ok());
        assertFalse(build.files().containsKey(pack), "not drawn before it is asked for");
        assertTrue(build.has(pack));
        byte[] first = build.file(pack);
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(first, 4));
        assertSame(first, build.file(pack), "drawn once, then kept");
        assertTrue(page(build).contains("small.pdf"));
        assertTrue(page(build).contains(">Onboarding pack (PDF)</a>"), "the preview does not count the pack's pages");

        Files.writeString(definition, text.replace("title: Call the lead", "title: Call the new lead"));
        assertTrue(build.rebuild(false).ok());
        assertFalse(Arrays.equals(first, build.file(pack)), "drawn again with the new title");

        Files.writeString(definition, text + "pdf: false\n");
        assertTrue(build.rebuild(false).ok());
        assertFalse(build.has(pack), "a pack turned off is no longer served");
        assertNull(build.file(pack));
        assertFalse(page(build).contains("small.pdf"));
    }

    @Test
    void aBuildCountsThePagesThePreviewLeavesUncounted(@TempDir Path temp) throws Exception {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Files.writeString(source.resolve("small.yaml"), Files.readString(DiagnosticSpec.resource("pdf/site-off/small.yaml")));
        assertInstanceOf(Outcome.Built.class, Builds.build(source, "definitions", temp.resolve("site"), null));
        String overview = Files.readString(temp.resolve("site").resolve(SitePaths.playbook("small")));
        assertTrue(overview.matches("(?s).*>Onboarding pack \\(PDF, \\d+ pages?\\)</a>.*"), overview);
    }

    private static String page(LiveBuild build) {
        return new String(build.files().get(SitePaths.playbook("small")), StandardCharsets.UTF_8);
    }
}
