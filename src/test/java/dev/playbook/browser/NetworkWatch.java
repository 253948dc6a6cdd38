package dev.playbook.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.json.JsonInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every request of a browser that failed, as DevTools' Network domain reports it: a load that did
 * not complete ({@code Network.loadingFailed}: a missing file, a blocked or refused load) or one
 * answered with an HTTP error status. Works through raw CDP events, so it needs no DevTools classes
 * of the browser's exact version.
 */
final class NetworkWatch implements AutoCloseable {
    @SuppressWarnings("unchecked")
    private static final Function<JsonInput, Map<String, Object>> AS_MAP = in -> (Map<String, Object>) in.read(Map.class);

    private final DevTools devTools;
    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();

    private NetworkWatch(DevTools devTools) {
        this.devTools = devTools;
    }

    static NetworkWatch start(ChromeDriver driver) {
        DevTools devTools = driver.getDevTools();
        devTools.createSessionIfThereIsNotOne();
        NetworkWatch watch = new NetworkWatch(devTools);
        devTools.addListener(new Event<>("Network.requestWillBeSent", AS_MAP), e -> {
            Object request = e.get("request");
            if (request instanceof Map<?, ?> r) watch.urls.put(String.valueOf(e.get("requestId")), String.valueOf(r.get("url")));
        });
        devTools.addListener(new Event<>("Network.loadingFailed", AS_MAP), e -> {
            String url = watch.urls.getOrDefault(String.valueOf(e.get("requestId")), "request " + e.get("requestId"));
            StringBuilder what = new StringBuilder("failed request (" + e.get("type") + ") " + url + ": " + e.get("errorText"));
            if (e.get("blockedReason") != null) what.append(", blocked: ").append(e.get("blockedReason"));
            if (Boolean.TRUE.equals(e.get("canceled"))) what.append(", canceled");
            watch.add(what.toString());
        });
        devTools.addListener(new Event<>("Network.responseReceived", AS_MAP), e -> {
            Object response = e.get("response");
            if (response instanceof Map<?, ?> r && r.get("status") instanceof Number status && status.intValue() >= 400) {
                watch.add("failed request (" + e.get("type") + ") " + r.get("url") + ": HTTP " + status);
            }
        });
        devTools.send(new Command<>("Network.enable", Map.of()));
        return watch;
    }

    private synchronized void add(String failure) {
        failures.add(failure);
    }

    /** The failures seen since the last call, and forgets them. */
    synchronized List<String> drain() {
        List<String> drained = List.copyOf(failures);
        failures.clear();
        return drained;
    }

    @Override
    public void close() {
        try {
            devTools.send(new Command<>("Network.disable", Map.of()));
        } finally {
            devTools.clearListeners();
        }
    }
}
