package dev.playbook.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.DiagnosticJson;
import dev.playbook.render.RenderException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Serves the live site from memory and tells open pages when to reload, with server-sent events
 * (plain HTTP, no browser plugin). Only files of the site are served: a path that tries to climb
 * out of it is refused, and anything else unknown is simply not found. Only requests addressed to
 * this machine by its own names are answered (see {@link AllowedHosts}).
 */
public final class PreviewServer implements AutoCloseable {
    /** The preview's own endpoints live under a prefix no site file can have. */
    static final String PREFIX = "/__playbook/";
    /** Open live-reload streams; each holds a thread for as long as its page stays open. */
    static final int STREAM_LIMIT = 64;
    /** Threads left for everything else however many streams are open, so pages are always served. */
    static final int REQUEST_THREADS = 16;
    /** The JDK server's setting that sends each response's bytes at once (TCP_NODELAY). */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";
    /**
     * How long a request made while a rebuild is drawn waits for it: long enough for an edit's
     * rebuild even at a thousand playbooks, so a page asked for right after a save shows it.
     */
    static final long FRESH_WAIT_MILLIS = 2_000;
    private static final String METHODS = "GET, HEAD";
    private static final String STOP = "\u0000stop";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("json", "application/json; charset=utf-8"), Map.entry("puml", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("pdf", "application/pdf"));

    private final LiveBuild build;
    private final HttpServer server;
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(STREAM_LIMIT + REQUEST_THREADS,
            STREAM_LIMIT + REQUEST_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "playbook-preview");
                t.setDaemon(true);
                return t;
            });
    private final Semaphore streams = new Semaphore(STREAM_LIMIT);
    private final AllowedHosts hosts;
    private final List<BlockingQueue<String>> listeners = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final byte[] liveScript;

    public PreviewServer(LiveBuild build, String host, int port) throws IOException {
        this.build = build;
        try (InputStream in = PreviewServer.class.getResourceAsStream("/serve/live.js")) {
            if (in == null) throw new IOException("the jar is missing serve/live.js");
            liveScript = in.readAllBytes();
        }
        // The JDK's server leaves Nagle's algorithm on unless told before its first use. A response's
        // last small segment then waits for the browser's delayed acknowledgement, about 40 ms on
        // Linux, on every page served after an edit and on each live-reload event.
        System.setProperty(NO_DELAY, "true");
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        hosts = AllowedHosts.forServer(server.getAddress(), host, AllowedHosts.Machine.current());
        workers.allowCoreThreadTimeOut(true);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Tells every open page about the latest rebuild. */
    public void announce(LiveBuild.Rebuild outcome) {
        String event = "event: build\ndata: " + status(outcome) + "\n\n";
        for (BlockingQueue<String> listener : listeners) listener.offer(event);
    }

    @Override
    public void close() {
        for (BlockingQueue<String> listener : listeners) listener.offer(STOP);
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<String> host = exchange.getRequestHeaders().get("Host");
            if (host == null || host.size() != 1) {
                send(exchange, 400, "text/plain; charset=utf-8", "a request needs one Host header\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            URI uri = exchange.getRequestURI();
            if (!hosts.accepts(host.get(0)) || (uri.getRawAuthority() != null && !hosts.accepts(uri.getRawAuthority()))) {
                send(exchange, 421, "text/plain; charset=utf-8", ("This preview answers only when it is addressed by "
                        + "this machine's own name or address, such as http://localhost:" + port() + "/\n")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", METHODS);
                send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String raw = uri.getRawPath();
            if (raw == null || !raw.startsWith("/")) {
                send(exchange, 400, "text/plain; charset=utf-8", "bad request\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (raw.startsWith(PREFIX)) {
                own(exchange, raw.substring(PREFIX.length()));
                return;
            }
            String path = sitePath(uri.getPath());
            if (path == null) {
                send(exchange, 403, "text/plain; charset=utf-8", "outside the site\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body;
            try {
                build.awaitShown(FRESH_WAIT_MILLIS);
                body = build.file(path);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                send(exchange, 503, "text/plain; charset=utf-8", "the preview is stopping\n".getBytes(StandardCharsets.UTF_8));
                return;
            } catch (RenderException e) {
                send(exchange, 500, "text/plain; charset=utf-8", (path + " cannot be drawn: " + e.failure().message() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (body == null && build.has(path + "/index.html")) {
                exchange.getResponseHeaders().set("Location", uri.getRawPath() + "/");
                send(exchange, 302, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            if (body == null) {
                send(exchange, 404, "text/html; charset=utf-8", inject(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<title>Not found</title></head><body><p>No page at " + escape(path) + ".</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8), build.filesVersion()));
                return;
            }
            String type = type(path);
            send(exchange, 200, type, type.startsWith("text/html") ? inject(body, build.filesVersion()) : body);
        }
    }

    /**
     * The site path a request names, or null when it leaves the site: {@code ..} segments,
     * backslashes and NUL are refused rather than resolved.
     */
    static String sitePath(String decoded) {
        if (decoded == null || decoded.indexOf('\\') >= 0 || decoded.indexOf('\0') >= 0) return null;
        String path = decoded.startsWith("/") ? decoded.substring(1) : decoded;
        for (String part : path.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) return null;
        }
        if (path.startsWith("/")) return null;
        if (path.isEmpty() || path.endsWith("/")) path = path + "index.html";
        return path;
    }

    private void own(HttpExchange exchange, String what) throws IOException {
        switch (what) {
            case "live.js" -> send(exchange, 200, "text/javascript; charset=utf-8", liveScript);
            case "status" -> send(exchange, 200, "application/json; charset=utf-8",
                    status(build.last()).getBytes(StandardCharsets.UTF_8));
            case "events" -> events(exchange);
            default -> send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A server-sent event stream: the current status at once, then one event per rebuild. Past
     * the cap a page is told to try later; it is still served, it only does not reload by itself.
     */
    private void events(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        if (!streams.tryAcquire()) {
            exchange.getResponseHeaders().set("Retry-After", "30");
            send(exchange, 503, "text/plain; charset=utf-8", ("too many pages are open on this preview (" + STREAM_LIMIT
                    + "); close some and reload\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            stream(exchange);
        } finally {
            streams.release();
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        listeners.add(queue);
        try (OutputStream out = exchange.getResponseBody()) {
            queue.offer("retry: 1000\nevent: build\ndata: " + status(build.last()) + "\n\n");
            while (true) {
                String event = queue.poll(15, TimeUnit.SECONDS);
                if (STOP.equals(event)) return;
                out.write((event == null ? ": keep-alive\n\n" : event).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the page was closed or reloaded
        } finally {
            listeners.remove(queue);
        }
    }

    String status(LiveBuild.Rebuild outcome) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Diagnostic d : outcome.diagnostics()) {
            Map<String, Object> e = new LinkedHashMap<>(DiagnosticJson.toMap(d));
            e.put("text", d.toString());
            errors.add(e);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("version", outcome.version());
        status.put("ok", outcome.ok());
        status.put("failure", outcome.failure() == null ? null : outcome.failure().message());
        status.put("diagnostics", errors);
        try {
            return json.writeValueAsString(status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds the reload script to a page as it is served; the built files themselves stay clean. */
    private static byte[] inject(byte[] html, int version) {
        String page = new String(html, StandardCharsets.UTF_8);
        String tag = "<script src=\"" + PREFIX + "live.js\" data-version=\"" + version + "\"></script>";
        int end = page.lastIndexOf("</body>");
        page = end < 0 ? page + tag : page.substring(0, end) + tag + page.substring(end);
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static String type(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        // for HEAD the server sends no body and leaves a Content-Length set here as it is
        if (head) exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
