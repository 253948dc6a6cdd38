package dev.playbook.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playbook.Pipeline;
import dev.playbook.testing.Playbooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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
        Files.writeString(source.resolve("demo.yaml"), Playbooks.oneStage("demo", "First title"));
        build = new LiveBuild(new Pipeline.Input(source, "process-definitions", null, null), "test");
        assertTrue(build.rebuild(true).ok());
        server = new PreviewServer(build, "127.0.0.1", 0);
        watcher = new SourceWatcher(source, null, change -> {
            LiveBuild.Rebuild outcome = build.draft(change);
            return () -> server.announce(build.show(outcome));
        });
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
        return request("GET " + target + " HTTP/1.1", "Host: 127.0.0.1:" + server.port());
    }

    /** A request with exactly these headers: HTTP clients will not send a Host of the caller's choosing. */
    private String request(String requestLine, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            StringBuilder request = new StringBuilder(requestLine).append("\r\n");
            for (String header : headers) request.append(header).append("\r\n");
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String withHost(String target, String host) throws IOException {
        return request("GET " + target + " HTTP/1.1", "Host: " + host);
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
    }

    private static String header(String response, String name) {
        for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
        }
        return null;
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void editsAreServedAndAnnouncedBrokenEditsShowErrorsAndFixesClearThem() throws Exception {
        HttpResponse<String> page = get("/demo/index.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("First title"));
        assertTrue(page.body().contains("/__playbook/live.js"), "served pages carry the reload script");

        Files.writeString(source.resolve("demo.yaml"), Playbooks.oneStage("demo", "Second title"));
        JsonNode rebuilt = next();
        assertTrue(rebuilt.get("ok").asBoolean());
        assertEquals(2, rebuilt.get("version").asInt());
        assertTrue(get("/demo/index.html").body().contains("Second title"));

        Files.writeString(source.resolve("demo.yaml"), Playbooks.oneStage("demo", "Second title") + "    probability: lots\n");
        JsonNode broken = next();
        assertFalse(broken.get("ok").asBoolean());
        JsonNode error = broken.get("diagnostics").get(0);
        assertEquals("process-definitions/demo.yaml", error.get("file").asText());
        assertEquals(8, error.get("line").asInt());
        assertTrue(get("/demo/index.html").body().contains("Second title"), "the last good page is still served");
        JsonNode status = json.readTree(get("/__playbook/status").body());
        assertFalse(status.get("ok").asBoolean(), "a page opened now learns of the errors too");

        Files.writeString(source.resolve("demo.yaml"), Playbooks.oneStage("demo", "Third title"));
        JsonNode fixed = next();
        assertTrue(fixed.get("ok").asBoolean());
        assertEquals(0, fixed.get("diagnostics").size(), "the overlay clears");
        assertTrue(get("/demo/index.html").body().contains("Third title"));
    }

    @Test
    void aPageAskedForWhileARebuildIsDrawnIsAnsweredWithIt() throws Exception {
        // drawn by hand, with no file changed, so that the watcher has nothing to rebuild meanwhile
        LiveBuild.Rebuild drawing = build.draft(new SourceWatcher.Change(true, null));
        assertTrue(drawing.ok(), drawing::toString);
        CompletableFuture<HttpResponse<String>> page = http.sendAsync(HttpRequest.newBuilder(uri("/demo/index.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);
        assertFalse(page.isDone(), "the request waits for the rebuild");
        build.show(drawing);
        String body = page.get(WAIT_SECONDS, TimeUnit.SECONDS).body();
        assertTrue(body.contains("data-version=\"" + drawing.version() + "\""), "the page comes from the rebuild it waited for");
        assertEquals("true", System.getProperty(PreviewServer.NO_DELAY), "each response is sent at once, not held back by Nagle's algorithm");
    }

    @Test
    void theOnboardingPackIsDrawnWhenItIsAskedFor() throws Exception {
        assertTrue(get("/demo/index.html").body().contains("href=\"demo.pdf\""), "the overview links to the pack");
        HttpResponse<byte[]> pack = http.send(HttpRequest.newBuilder(uri("/demo/demo.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pack.statusCode());
        assertEquals("application/pdf", pack.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(pack.body(), 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void deletingAndAddingFilesWorksToo() throws Exception {
        Files.writeString(source.resolve("second.yaml"), Playbooks.oneStage("second", "Another"));
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

    /** A page of another site that rebinds its own name to this machine must not read the drafts. */
    @Test
    void onlyRequestsAddressedToThisMachineAreAnswered() throws Exception {
        int port = server.port();
        for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LocalHost:" + port,
                "[0:0:0:0:0:0:0:1]:" + port)) {
            String response = withHost("/demo/index.html", host);
            assertEquals(200, status(response), host + "\n" + response);
            assertTrue(body(response).contains("First title"), host);
        }
        for (String host : List.of("evil.example:" + port, "evil.example", "localhost.evil.example:" + port,
                "127.0.0.1.nip.io:" + port, "127.0.0.1:" + (port == 1 ? 2 : 1), "localhost", "127.0.0.1",
                "127.0.0.2:" + port, "[::2]:" + port, "localhost:" + port + "@evil.example", "")) {
            for (String target : List.of("/demo/index.html", "/__playbook/status", "/__playbook/events", "/")) {
                String response = withHost(target, host);
                assertEquals(421, status(response), host + " " + target + "\n" + response);
                assertFalse(body(response).contains("First title"), host);
                assertFalse(body(response).contains("\"version\""), host);
            }
        }
        assertEquals(400, status(request("GET / HTTP/1.1")), "no Host at all");
        assertEquals(400, status(request("GET / HTTP/1.0")), "no Host at all");
        assertEquals(400, status(request("GET / HTTP/1.1", "Host: 127.0.0.1:" + port, "Host: evil.example:" + port)));
        assertEquals(421, status(request("GET http://evil.example:" + port + "/demo/index.html HTTP/1.1",
                "Host: 127.0.0.1:" + port)), "the address in the request line counts too");
        assertEquals(200, status(request("GET http://localhost:" + port + "/demo/index.html HTTP/1.1",
                "Host: 127.0.0.1:" + port)));
    }

    @Test
    void headIsAnsweredWithTheLengthOfWhatGetWouldSend() throws Exception {
        for (String target : List.of("/demo/index.html", "/__playbook/live.js", "/no/such/page.html", "/__playbook/status")) {
            String get = raw(target);
            String head = request("HEAD " + target + " HTTP/1.1", "Host: 127.0.0.1:" + server.port());
            assertEquals(status(get), status(head), target);
            assertEquals(String.valueOf(body(get).getBytes(StandardCharsets.UTF_8).length), header(head, "Content-Length"),
                    target + "\n" + head);
            assertEquals(header(get, "Content-Type"), header(head, "Content-Type"), target);
            assertEquals("", body(head), "HEAD has no body: " + head);
        }
    }

    @Test
    void otherMethodsAreRefusedWithTheMethodsThatWork() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "PATCH")) {
            String response = request(method + " /demo/index.html HTTP/1.1", "Host: 127.0.0.1:" + server.port(),
                    "Content-Length: 0");
            assertEquals(405, status(response), method + "\n" + response);
            assertEquals("GET, HEAD", header(response, "Allow"), method + "\n" + response);
        }
    }

    /**
     * Every open page holds a live-reload stream and a server thread; past the cap a stream is
     * refused (the page still works, it only stops reloading), threads stay bounded, and pages are
     * still served while every stream is taken.
     */
    @Test
    void liveReloadStreamsAreCappedAndPagesAreStillServed() throws Exception {
        List<Socket> streams = new ArrayList<>();
        try {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < PreviewServer.STREAM_LIMIT + 36; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                streams.add(socket);
                socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
                socket.getOutputStream().write(("GET /__playbook/events HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String status = in.readLine();
                if (status.startsWith("HTTP/1.1 200")) {
                    // the stream counts once its first event arrives
                    for (String line = in.readLine(); line != null && !line.startsWith("data: "); line = in.readLine()) {
                        // headers and the retry hint
                    }
                }
                answers.add(status);
            }
            // the one opened in start() counts too
            assertEquals(PreviewServer.STREAM_LIMIT - 1, answers.stream().filter(a -> a.startsWith("HTTP/1.1 200")).count(),
                    answers.toString());
            assertEquals(37, answers.stream().filter(a -> a.startsWith("HTTP/1.1 503")).count(), answers.toString());
            String page = raw("/demo/index.html");
            assertEquals(200, status(page), "pages are served while every stream is taken");
            long threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && t.getName().startsWith("playbook-preview")).count();
            assertTrue(threads <= PreviewServer.STREAM_LIMIT + PreviewServer.REQUEST_THREADS, threads + " threads");
        } finally {
            for (Socket socket : streams) socket.close();
        }
    }

    @Test
    void anEditReRendersOnlyThatPlaybookAndThePagesThatListIt() throws Exception {
        Files.writeString(source.resolve("other.yaml"), Playbooks.oneStage("other", "Other"));
        assertTrue(next().get("ok").asBoolean());
        Files.writeString(source.resolve("demo.yaml"), Playbooks.oneStage("demo", "Changed"));
        assertTrue(next().get("ok").asBoolean());
        var rendered = build.last().rendered();
        assertTrue(rendered.contains("index.html") && rendered.contains("demo/index.html"), rendered.toString());
        assertTrue(rendered.stream().noneMatch(p -> p.startsWith("other/")), rendered.toString());
    }
}
