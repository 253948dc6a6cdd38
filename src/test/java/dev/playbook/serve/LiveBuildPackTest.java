package dev.playbook.serve;

import dev.playbook.Pipeline;
import dev.playbook.plan.SitePaths;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview serves a playbook's onboarding pack, draws it again when the playbook changes, and drops it when it is turned off. */
class LiveBuildPackTest {

    @Test
    void thePackFollowsItsPlaybook(@TempDir Path temp) throws IOException {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Path definition = source.resolve("small.yaml");
        String text = Files.readString(DiagnosticSpec.resource("pdf/site-off/small.yaml"));
        Files.writeString(definition, text);
        LiveBuild build = new LiveBuild(new Pipeline.Input(source, "definitions", null, null), "test");
        String pack = SitePaths.onboardingPack("small");

        assertTrue(build.rebuild(false).ok());
        byte[] first = build.files().get(pack);
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(first, 4));
        assertTrue(page(build).contains("small.pdf"));

        Files.writeString(definition, text.replace("title: Call the lead", "title: Call the new lead"));
        assertTrue(build.rebuild(false).ok());
        assertFalse(Arrays.equals(first, build.files().get(pack)), "drawn again with the new title");

        Files.writeString(definition, text + "pdf: false\n");
        assertTrue(build.rebuild(false).ok());
        assertFalse(build.files().containsKey(pack), "a pack turned off is no longer served");
        assertFalse(page(build).contains("small.pdf"));
    }

    private static String page(LiveBuild build) {
        return new String(build.files().get(SitePaths.playbook("small")), StandardCharsets.UTF_8);
    }
}
