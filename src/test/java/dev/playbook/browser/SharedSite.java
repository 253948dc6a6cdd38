package dev.playbook.browser;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Builds the example site once per test run and starts one browser that the classes which only
 * read pages share, instead of each class building the site and starting Chromium again. A
 * class asks for them as parameters of its {@code @BeforeAll} method; both are closed when the
 * run ends. The browser is null where none is installed (the tests then skip, or fail in CI).
 */
final class SharedSite implements ParameterResolver {
    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(SharedSite.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ExampleSite.class || type == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(SHARED);
        Built built = store.getOrComputeIfAbsent(Built.class, k -> new Built(), Built.class);
        return parameter.getParameter().getType() == ExampleSite.class ? built.site : built.browser();
    }

    /** The shared site and browser, with the folder they live in, removed at the end of the run. */
    private static final class Built implements ExtensionContext.Store.CloseableResource {
        private final Path folder;
        private final ExampleSite site;
        private Browser browser;

        Built() {
            try {
                // a short name: Chromium's profile keeps a socket whose whole path must stay under ~100 bytes
                folder = Files.createTempDirectory("pb-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            site = ExampleSite.build(folder);
        }

        synchronized Browser browser() {
            if (browser == null && Browser.available()) browser = Browser.start(folder);
            return browser;
        }

        @Override
        public void close() throws IOException {
            try {
                if (browser != null) browser.close();
            } finally {
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
    }
}
