package dev.playbook.serve;

import dev.playbook.Pipeline;
import dev.playbook.testing.Playbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rebuild after an edit draws the edited playbook's files and the site's own, and keeps the rest as they were. */
class LiveBuildTest {
    @Test
    void anEditRewritesOnlyItsPlaybooksFilesAndItsPartOfTheSearchIndex(@TempDir Path temp) throws Exception {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Path first = source.resolve("first.yaml");
        Files.writeString(first, Playbooks.oneStage("first", "First title"));
        Files.writeString(source.resolve("second.yaml"), Playbooks.oneStage("second", "Second title"));
        LiveBuild build = new LiveBuild(new Pipeline.Input(source, "definitions", null, null), "test");
        assertTrue(build.rebuild(true).ok());
        Map<String, byte[]> before = build.files();
        assertEquals("window.PLAYBOOK_SEARCH_PARTS=[\"first/search.js\",\"second/search.js\"];\n", text(before, "assets/search-index.js"));
        assertTrue(text(before, "second/search.js").startsWith("window.PLAYBOOK_SEARCH=[{"));
        assertTrue(text(before, "second/search.js").contains("Second title"));

        Files.writeString(first, Playbooks.oneStage("first", "Renamed"));
        LiveBuild.Rebuild rebuild = build.rebuild(new SourceWatcher.Change(false, Set.of(first.toAbsolutePath().normalize())));
        assertTrue(rebuild.ok(), rebuild::toString);
        Map<String, byte[]> after = build.files();
        assertTrue(text(after, "first/search.js").contains("Renamed"));
        assertFalse(text(after, "first/search.js").contains("First title"));
        assertSame(before.get("second/search.js"), after.get("second/search.js"), "the other playbook's part is not drawn again");
        assertSame(before.get("second/index.html"), after.get("second/index.html"));
        assertTrue(rebuild.rendered().contains("first/index.html") && rebuild.rendered().contains("index.html"), rebuild::toString);
        assertTrue(rebuild.rendered().stream().noneMatch(path -> path.startsWith("second/")), rebuild::toString);
        assertEquals(text(before, "assets/search-index.js"), text(after, "assets/search-index.js"));
    }

    @Test
    void aDraftIsServedOnlyOnceShownAndAFailedDraftKeepsTheSiteShown(@TempDir Path temp) throws Exception {
        Path source = Files.createDirectories(temp.resolve("definitions"));
        Path file = source.resolve("first.yaml");
        Files.writeString(file, Playbooks.oneStage("first", "First title"));
        LiveBuild build = new LiveBuild(new Pipeline.Input(source, "definitions", null, null), "test");
        LiveBuild.Rebuild start = build.rebuild(true);
        assertTrue(start.ok());
        SourceWatcher.Change edit = new SourceWatcher.Change(false, Set.of(file.toAbsolutePath().normalize()));

        Files.writeString(file, Playbooks.oneStage("first", "Half saved"));
        LiveBuild.Rebuild unseen = build.draft(edit);
        assertTrue(unseen.ok(), unseen::toString);
        assertTrue(text(build.files(), "first/index.html").contains("First title"), "a draft is not served");
        assertEquals(start.version(), build.filesVersion());
        assertSame(start, build.last());

        Files.writeString(file, "id: first\ntitle: [broken\n");
        LiveBuild.Rebuild broken = build.draft(edit);
        assertFalse(broken.ok());
        assertSame(unseen, build.show(unseen), "an older draft cannot be shown once a newer one is drawn");
        assertSame(start, build.last());
        assertFalse(build.awaitShown(20), "a request waits while a rebuild is drawn and not shown");
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return build.awaitShown(30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        build.show(broken);
        assertTrue(waiting.get(30, TimeUnit.SECONDS), "showing the rebuild releases the requests waiting for it");
        assertSame(broken, build.last(), "the errors are reported");
        assertTrue(text(build.files(), "first/index.html").contains("First title"),
                "the site shown stays the last one shown, not the draft never seen");
        assertEquals(start.version(), build.filesVersion());

        Files.writeString(file, Playbooks.oneStage("first", "Saved"));
        LiveBuild.Rebuild saved = build.show(build.draft(edit));
        assertTrue(saved.ok(), saved::toString);
        assertTrue(build.awaitShown(0));
        assertTrue(text(build.files(), "first/index.html").contains("Saved"));
        assertEquals(saved.version(), build.filesVersion());
    }

    private static String text(Map<String, byte[]> files, String path) {
        byte[] bytes = files.get(path);
        assertNotNull(bytes, () -> "no " + path + " in " + files.keySet());
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
