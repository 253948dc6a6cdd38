package dev.playbook.browser;

import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.bidi.network.BaseParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request a browser makes, as WebDriver BiDi's {@code network} module reports it: what was
 * asked for, and what failed (a load that did not complete, or one answered with an HTTP error
 * status). BiDi is a W3C protocol the driver speaks for every browser version, unlike Selenium's
 * DevTools bindings, which exist only for a few Chromium majors at a time.
 *
 * <p>Selenium hands each BiDi event to a thread pool, so events reach the listeners late and out of
 * order; {@link #settle()} waits until the browser's report has caught up before anyone reads it.
 */
final class NetworkWatch implements AutoCloseable {
    /** The query string of the watch's own requests, which {@link #settle()} sends as a marker. */
    private static final String MARKER = "?network-watch-settled=";

    private final Browser browser;
    private final Network network;
    private final String markerUrl;
    private final AtomicLong markers = new AtomicLong();
    private final List<String> requested = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    /** Requests by id, from the moment the browser reports them sent; those also in {@link #ended} are over. */
    private final Map<String, String> sent = new HashMap<>();
    private final Set<String> ended = new HashSet<>();

    private NetworkWatch(Browser browser, Network network, String markerUrl) {
        this.browser = browser;
        this.network = network;
        this.markerUrl = markerUrl;
    }

    /**
     * Starts watching every page the browser opens from now on.
     *
     * @param workFolder a folder of the test's own, for the file the watch's marker requests load
     */
    static NetworkWatch start(Browser browser, Path workFolder) {
        Path marker = workFolder.resolve("network-watch-marker.txt");
        try {
            Files.writeString(marker, "the network watch loads this file to know its report has caught up\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
        NetworkWatch watch = new NetworkWatch(browser, new Network(browser.driver), marker.toAbsolutePath().toUri().toString());
        watch.network.onBeforeRequestSent(e -> watch.sent(e.getRequest().getRequestId(), e.getRequest().getUrl()));
        watch.network.onFetchError(e -> watch.ended(e, ": " + e.getErrorText()));
        watch.network.onResponseCompleted(e -> {
            int status = e.getResponseData().getStatus();
            watch.ended(e, status >= 400 ? ": HTTP " + status : null);
        });
        return watch;
    }

    private synchronized void sent(String id, String url) {
        sent.put(id, url);
        if (!isMarker(url)) requested.add(url);
    }

    /** @param failure what went wrong, or null for a request that was answered well */
    private synchronized void ended(BaseParameters event, String failure) {
        String url = event.getRequest().getUrl();
        ended.add(event.getRequest().getRequestId());
        if (failure != null && !isMarker(url)) {
            String destination = event.getRequest().getDestination();
            failures.add("failed request" + (destination == null || destination.isEmpty() ? "" : " (" + destination + ")") + " " + url + failure);
        }
    }

    private boolean isMarker(String url) {
        return url.startsWith(markerUrl + MARKER);
    }

    /**
     * Waits until the browser has reported everything the page open now has asked for so far, and
     * every request it reported has ended: sends a marker request of its own through the page and
     * waits for its report. The browser reports requests in the order they are made, so the marker's
     * report comes after those of everything before it.
     */
    void settle() {
        String marker = markerUrl + MARKER + markers.incrementAndGet();
        browser.script("var r = new XMLHttpRequest(); r.open('GET', arguments[0]); r.send();", marker);
        try {
            browser.wait("the browser to report the requests of " + browser.driver.getCurrentUrl(), this::caughtUp);
        } catch (TimeoutException e) {
            throw new TimeoutException(e.getMessage() + "; requests not ended: " + unended(), e);
        }
    }

    private synchronized List<String> unended() {
        return sent.entrySet().stream().filter(e -> !ended.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }

    private synchronized boolean caughtUp() {
        String latest = markerUrl + MARKER + markers.get();
        return sent.entrySet().stream().anyMatch(e -> e.getValue().equals(latest) && ended.contains(e.getKey()))
                && ended.containsAll(sent.keySet());
    }

    /** The failures seen since the last call, and forgets them. */
    synchronized List<String> drain() {
        List<String> drained = List.copyOf(failures);
        failures.clear();
        return drained;
    }

    /** The address of every request reported since the watch started, the watch's own markers left out. */
    synchronized List<String> requested() {
        return List.copyOf(requested);
    }

    @Override
    public void close() {
        network.close();
    }
}
