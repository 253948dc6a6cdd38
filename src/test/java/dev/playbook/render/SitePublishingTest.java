package dev.playbook.render;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SitePublishingTest {
    private final List<String> files = Collections.synchronizedList(new ArrayList<>());
    private final FileSink sink = file -> files.add(file.path());

    private static Publisher writing(String path) {
        return new Publisher() {
            @Override
            public void publishSite(SiteOutput site, FileSink sink) throws java.io.IOException {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sink.accept(new RenderedFile(path, new byte[0]));
            }
        };
    }

    private static Publisher failing(Throwable thrown) {
        return new Publisher() {
            @Override
            public void publishSite(SiteOutput site, FileSink sink) throws java.io.IOException {
                if (thrown instanceof java.io.IOException io) throw io;
                if (thrown instanceof RuntimeException r) throw r;
                throw (Error) thrown;
            }
        };
    }

    @Test
    void everyFileIsWrittenBeforeAwaitReturns() throws Exception {
        SitePublishing publishing = SitePublishing.start(List.of(writing("index.html"), writing("audit.html")), null, sink);
        publishing.await();
        Diagnostics diagnostics = new Diagnostics();
        publishing.report(diagnostics);

        assertEquals(List.of("index.html", "audit.html"), files);
        assertTrue(diagnostics.sorted().isEmpty());
    }

    @Test
    void brokenTemplatesOfSeveralPublishersAreAllReportedAndTheOthersStillWrite() throws Exception {
        SitePublishing publishing = SitePublishing.start(List.of(
                failing(new TemplateMistake(new Position("home.ftlh", 2, 3), "no such field")),
                writing("search.js"),
                failing(new TemplateMistake(new Position("audit.ftlh", 5, 1), "no such field"))), null, sink);
        publishing.await();
        Diagnostics diagnostics = new Diagnostics();
        publishing.report(diagnostics);

        assertEquals(List.of("search.js"), files);
        assertEquals(2, diagnostics.sorted().size(), diagnostics.sorted()::toString);
    }

    @Test
    void anErrorOnTheSiteThreadIsThrownToTheCallerNotLost() {
        StackOverflowError overflow = new StackOverflowError();
        SitePublishing publishing = SitePublishing.start(List.of(failing(overflow), writing("never.html")), null, sink);
        publishing.await();

        StackOverflowError thrown = assertThrows(StackOverflowError.class, () -> publishing.report(new Diagnostics()));
        assertSame(overflow, thrown);
        assertTrue(files.isEmpty(), "publishers after a failure are not run");
    }

    @Test
    void aFailureToWriteIsAnOutputFailure() {
        SitePublishing publishing = SitePublishing.start(List.of(failing(new java.io.IOException("disk full"))), null, sink);
        publishing.await();

        RenderException thrown = assertThrows(RenderException.class, () -> publishing.report(new Diagnostics()));
        assertTrue(thrown.getMessage().contains("disk full"), thrown::getMessage);
    }
}
