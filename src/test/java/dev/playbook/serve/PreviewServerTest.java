package dev.playbook.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playbook.Pipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live preview end to end: a real server on a free port, real file edits, real events. */
class PreviewServerTest {
    /** Generous bounds for a build after an edit; the test waits for events, it does not time them. */
    private static final long WAIT_SECONDS = 60;
    private static final String PLAYBOOK = """
            playbook: demo
            title: %s
            stages:
              - id: qualification
                title: Qualification
                tasks: [Call the lead]
                exit_criteria: [Budget confirmed]
            """;

    @TempDir
    Path temp;
    private Path source;
    private LiveBuild build;
    private PreviewServer server;
    private SourceWatcher watcher;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        source = Files.createDirectories(temp.resolve("process-definitions"));
        Files.writeString(source.resolve("demo.yaml"), PLAYBOOK.formatted("First title"));
        build = new LiveBuild(new Pipeline.Input(source, "process-definitions", null, null), "test");
        assertTrue(build.rebuild(true).ok());
        server = new PreviewServer(build, "127.0.0.1", 0);
        watcher = new SourceWatcher(source, null, theme -> server.announce(build.rebuild(theme)));
        server.start();
        watcher.start();
        listen();
        JsonNode first = next();
        assertEquals(1, first.get("version").asInt(), "the stream starts with the current status");
    }

    @AfterEach
    void stop() throws IOException {
        watcher.close();
        server.close();
    }

    private void listen() {
        HttpRequest request = HttpRequest.newBuilder(uri("/__playbook/events")).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response ->
                response.body().forEach(line -> {
                    if (line.startsWith("data: ")) {
                        try {
                            events.add(json.readTree(line.substring(6)));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
    }

    private JsonNode next() throws InterruptedException {
        JsonNode event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(event, "no event from the preview");
        return event;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request line sent as written: HTTP clients tidy `..` away before it could reach the server. */
    private String raw(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void editsAreServedAndAnnouncedBrokenEditsShowErrorsAndFixesClearThem() throws Exception {
        HttpResponse<String> page = get("/demo/index.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("First title"));
        assertTrue(page.body().contains("/__playbook/live.js"), "served pages carry the reload script");

        Files.writeString(source.resolve("demo.yaml"), PLAYBOOK.formatted("Second title"));
        JsonNode rebuilt = next();
        assertTrue(rebuilt.get("ok").asBoolean());
        assertEquals(2, rebuilt.get("version").asInt());
        assertTrue(get("/demo/index.html").body().contains("Second title"));

        Files.writeString(source.resolve("demo.yaml"), PLAYBOOK.formatted("Second title") + "    probability: lots\n");
        JsonNode broken = next();
        assertFalse(broken.get("ok").asBoolean());
        JsonNode error = broken.get("diagnostics").get(0);
        assertEquals("process-definitions/demo.yaml", error.get("file").asText());
        assertEquals(8, error.get("line").asInt());
        assertTrue(get("/demo/index.html").body().contains("Second title"), "the last good page is still served");
        JsonNode status = json.readTree(get("/__playbook/status").body());
        assertFalse(status.get("ok").asBoolean(), "a page opened now learns of the errors too");

        Files.writeString(source.resolve("demo.yaml"), PLAYBOOK.formatted("Third title"));
        JsonNode fixed = next();
        assertTrue(fixed.get("ok").asBoolean());
        assertEquals(0, fixed.get("diagnostics").size(), "the overlay clears");
        assertTrue(get("/demo/index.html").body().contains("Third title"));
    }

    @Test
    void deletingAndAddingFilesWorksToo() throws Exception {
        Files.writeString(source.resolve("second.yaml"), PLAYBOOK.replace("demo", "second").formatted("Another"));
        assertTrue(next().get("ok").asBoolean());
        assertEquals(200, get("/second/index.html").statusCode());
        Files.delete(source.resolve("second.yaml"));
        assertTrue(next().get("ok").asBoolean());
        assertEquals(404, get("/second/index.html").statusCode(), "a deleted playbook's pages go away");
        assertEquals(200, get("/demo/index.html").statusCode());
    }

    @Test
    void nothingOutsideTheSiteIsServed() throws Exception {
        assertTrue(raw("/../pom.xml").startsWith("HTTP/1.1 403"));
        assertTrue(raw("/%2e%2e/%2e%2e/pom.xml").startsWith("HTTP/1.1 403"));
        assertTrue(raw("/assets/..%2f..%2fpom.xml").startsWith("HTTP/1.1 403"));
        String absolute = raw(Path.of("pom.xml").toAbsolutePath().toString());
        assertTrue(absolute.startsWith("HTTP/1.1 404"), absolute);
        assertFalse(absolute.contains("<artifactId>"));
        assertEquals(200, get("/").statusCode());
    }

    @Test
    void anEditReRendersOnlyThatPlaybookAndThePagesThatListIt() throws Exception {
        Files.writeString(source.resolve("other.yaml"), PLAYBOOK.replace("demo", "other").formatted("Other"));
        assertTrue(next().get("ok").asBoolean());
        Files.writeString(source.resolve("demo.yaml"), PLAYBOOK.formatted("Changed"));
        assertTrue(next().get("ok").asBoolean());
        var rendered = build.last().rendered();
        assertTrue(rendered.contains("index.html") && rendered.contains("demo/index.html"), rendered.toString());
        assertTrue(rendered.stream().noneMatch(p -> p.startsWith("other/")), rendered.toString());
    }
}
