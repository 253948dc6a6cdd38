package dev.playbook.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A folder served over HTTP from 127.0.0.1, the way a static host serves a built site: each
 * file with its content type, text compressed for clients that accept gzip, a plain 404 for
 * anything else. Only GET and HEAD, and nothing outside the folder.
 */
final class StaticServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("puml", "text/plain; charset=utf-8"));

    private final Path root;
    private final HttpServer server;

    private StaticServer(Path root, HttpServer server) {
        this.root = root;
        this.server = server;
    }

    static StaticServer serve(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StaticServer serving = new StaticServer(root, server);
            server.createContext("/", serving::handle);
            server.start();
            return serving;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve " + root + " on 127.0.0.1", e);
        }
    }

    /** The address of a file of the folder, given by its path relative to the folder. */
    String url(String relative) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + relative;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Path file = resolve(exchange.getRequestURI());
            if (file == null) {
                byte[] body = "not found\n".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                send(exchange, 404, body, method);
                return;
            }
            String type = TYPES.getOrDefault(extension(file), "application/octet-stream");
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            String accepts = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            if (compressible(type) && accepts != null && accepts.contains("gzip")) {
                body = gzip(body);
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
            }
            send(exchange, 200, body, method);
        }
    }

    /** The file a request names, an index.html for a folder; null for none or one outside the root. */
    private Path resolve(URI uri) {
        String path = uri.getPath();
        if (path == null) return null;
        Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
        if (!file.startsWith(root)) return null;
        if (Files.isDirectory(file)) file = file.resolve("index.html");
        return Files.isRegularFile(file) ? file : null;
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String method) throws IOException {
        if (method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.contains("json") || type.contains("xml");
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        }
        return bytes.toByteArray();
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
