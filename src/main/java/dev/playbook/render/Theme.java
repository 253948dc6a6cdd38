package dev.playbook.render;

import dev.playbook.diagnostics.Failure;
import dev.playbook.diagnostics.Position;
import dev.playbook.model.Language;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The templates, words and assets a site is drawn with: the default theme packed in the jar,
 * overridden file by file (and, for words, key by key) by an optional user folder.
 */
public final class Theme {
    /** The default theme's assets; PageHeadTest checks this matches {@code templates/assets/}. */
    static final List<String> DEFAULT_ASSETS = List.of("favicon.png", "icon.png", "icon.svg", "playbook.js", "style.css");
    private static final String BUNDLED = "/templates/";
    /** How messages name a file of the bundled theme, which has no path an author could open. */
    private static final String BUILT_IN = "<built-in>/";

    private final Path userFolder;
    private final Configuration freemarker;
    private volatile byte[] fingerprint;
    private volatile Map<Language, Messages> messages;

    /** @param userFolder a folder of overriding templates, or null for the default theme only */
    public Theme(Path userFolder) throws IOException {
        this.userFolder = userFolder;
        this.freemarker = configure(userFolder);
    }

    Configuration freemarker() {
        return freemarker;
    }

    /**
     * A theme file as its author finds it: in the user folder, named as the user named the
     * folder, when it is there; otherwise as a file of the bundled theme.
     */
    String shown(String name) {
        if (userFolder != null && Files.isRegularFile(userFolder.resolve(name))) {
            String folder = userFolder.toString().replace('\\', '/');
            while (folder.endsWith("/") && folder.length() > 1) folder = folder.substring(0, folder.length() - 1);
            return folder.equals(".") ? name : folder + "/" + name;
        }
        return BUILT_IN + name;
    }

    private static Configuration configure(Path userFolder) throws IOException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader bundled = new ClassTemplateLoader(Theme.class, BUNDLED);
        cfg.setTemplateLoader(userFolder == null ? bundled
                : new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(userFolder.toFile()), bundled}));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        // .ftlh templates escape every ${...} for HTML unless a value is already markup (rendered Markdown)
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocalizedLookup(false);
        // a theme is read once per run: a changed theme makes a new one (the live preview does), so
        // nothing needs to ask the disk or the jar on every page whether a template changed
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        cfg.setNumberFormat("computer");
        // templates come from authors' folders: no calling arbitrary Java classes from them
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        return cfg;
    }

    /**
     * Fills a template of the theme other than a page's, e.g. {@code print/pack.ftlh}. A mistake
     * in it is told like one in a page's template, at its file, line and column.
     */
    public String fill(String template, Map<String, Object> model) throws TemplateMistake, RenderException {
        try {
            TextBuffer out = new TextBuffer(64 * 1024);
            freemarker.getTemplate(template).process(model, out);
            return out.toString();
        } catch (TemplateException e) {
            throw TemplateMistake.of(e, this, template);
        } catch (ParseException e) {
            throw TemplateMistake.of(e, this, template);
        } catch (IOException e) {
            TemplateMistake earlier = TemplateMistake.ofEarlierFailure(e, this, template);
            if (earlier != null) throw earlier;
            throw new RenderException(Failure.input("cannot load the template " + shown(template) + ": " + e.getMessage()), e);
        }
    }

    /**
     * The words of each language: the bundled ones, with any key the user folder gives replaced.
     * Read once, like the templates: a live preview's every edit asks for them before it can
     * start drawing, and a changed theme makes a new one. A failed read is not remembered.
     */
    public Map<Language, Messages> messages() throws IOException {
        Map<Language, Messages> known = messages;
        if (known != null) return known;
        known = readMessages();
        messages = known;
        return known;
    }

    private Map<Language, Messages> readMessages() throws IOException {
        Map<Language, Messages> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String name = "messages_" + language.code() + ".properties";
            Map<String, String> texts = new TreeMap<>(properties(bundled(name), BUILT_IN + name));
            byte[] own = user(name);
            if (own != null) texts.putAll(properties(own, shown(name)));
            all.put(language, new Messages(language, texts));
        }
        return Collections.unmodifiableMap(all);
    }

    /** Every asset to copy into the site: the bundled ones and every file in the user folder's {@code assets/}. */
    public Map<String, byte[]> assets() throws IOException {
        Map<String, byte[]> assets = new LinkedHashMap<>();
        for (String name : DEFAULT_ASSETS) assets.put(name, bundled("assets/" + name));
        if (userFolder != null && Files.isDirectory(userFolder.resolve("assets"))) {
            Path root = userFolder.resolve("assets");
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = root.relativize(p).toString().replace('\\', '/');
                    if (!name.startsWith(".")) assets.put(name, Files.readAllBytes(p));
                }
            } catch (UncheckedIOException e) {
                // a folder the walk could not enter
                throw e.getCause() instanceof AccessDeniedException denied
                        ? new IOException("permission denied on " + denied.getFile(), denied) : e.getCause();
            }
        }
        return new TreeMap<>(assets);
    }

    /**
     * A SHA-256 of every file in the user folder, names and contents, read once: with the jar that
     * holds the bundled theme, it tells whether anything drawn with this theme could come out
     * differently. Empty for the default theme alone.
     */
    public byte[] fingerprint() throws IOException {
        byte[] known = fingerprint;
        if (known != null) return known;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (userFolder != null && Files.isDirectory(userFolder)) FolderDigest.update(sha, userFolder);
            known = sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
        fingerprint = known;
        return known;
    }

    /** A file of the user folder's own, or null when the bundled theme's is used. */
    byte[] user(String name) throws IOException {
        if (userFolder == null) return null;
        Path file = userFolder.resolve(name);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    /** A file packed in the jar, for output that is not part of the theme. */
    static byte[] resource(String path) throws RenderException {
        try (InputStream in = Theme.class.getResourceAsStream(path)) {
            if (in == null) throw new RenderException("the jar is missing " + path, null);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RenderException("cannot read " + path + " from the jar: " + e.getMessage(), e);
        }
    }

    private static byte[] bundled(String name) throws IOException {
        try (InputStream in = Theme.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) throw new IOException("the default theme is missing " + name + "; the jar is incomplete");
            return in.readAllBytes();
        }
    }

    private static Map<String, String> properties(byte[] bytes, String shown) throws IOException {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            // the one mistake Properties does not forgive: a unicode escape without its four hex digits
            throw new TemplateMistake(Position.startOf(shown),
                    "a `\\u` escape is not followed by four hexadecimal digits (write `\\\\u` for a backslash and a u)");
        }
        Map<String, String> map = new TreeMap<>();
        for (String key : p.stringPropertyNames()) map.put(key, p.getProperty(key));
        return map;
    }
}
