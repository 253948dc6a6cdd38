package dev.playbook.render.pdf;

import dev.playbook.model.Language;
import dev.playbook.model.Markdown;
import dev.playbook.model.Playbook;
import dev.playbook.model.SiteSettings;
import dev.playbook.plan.PageLinks;
import dev.playbook.plan.SitePaths;
import dev.playbook.render.ChangesView;
import dev.playbook.render.MarkdownRenderer;
import dev.playbook.render.Messages;
import dev.playbook.render.PlaybookView;
import dev.playbook.render.RenderException;
import dev.playbook.render.SafeXml;
import dev.playbook.render.TemplateHelpers;
import dev.playbook.render.TemplateMistake;
import dev.playbook.render.Theme;
import org.xml.sax.SAXParseException;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The onboarding pack: one printable handbook per playbook, a PDF a trainer can send to the print
 * shop. It is drawn from the theme's print templates ({@code print/pack.ftlh}) in the playbook's
 * language, then laid out on paper by openhtmltopdf, in-process. Finished packs are cached by a
 * hash of everything they are made from ({@link PackKey}), so an unchanged playbook is never drawn
 * twice, and finding its pack costs no filling of the template.
 * Safe to use from several threads at once.
 */
public final class OnboardingPack {
    /** A finished pack: the PDF, and how many pages it has, which the pages that link to it tell. */
    public record Pack(byte[] pdf, int pages) {
    }

    static final String TEMPLATE = "print/pack.ftlh";
    /** Bump when the drawing changes in a way the template and the library versions do not show. */
    static final String FORMAT = "pack-8";

    private final Theme theme;
    private final String generator;
    private final PackCache cache;
    private final PackKey keys;
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger drawn = new AtomicInteger();
    private PdfMaker maker;
    private Map<Language, Messages> messages;

    /** Cheap: nothing is read or loaded until the first pack is drawn. */
    public OnboardingPack(Theme theme, String generator, PackCache cache) {
        this.theme = theme;
        this.generator = generator;
        this.cache = cache;
        this.keys = new PackKey(theme, generator);
    }

    /** Gets ready to find packs in the cache, on a thread of its own, while the run does other work. */
    public void prepare() {
        keys.prepare();
    }

    /**
     * Beyond this many stages a pack would run to hundreds of pages and take minutes to draw: no one
     * prints that, so it is left out, with a warning.
     */
    public static final int MAX_STAGES = 100;

    /** Whether a playbook gets a pack: the site and the playbook may each say {@code pdf: false}. */
    public static boolean wanted(SiteSettings settings, Playbook playbook) {
        return settings.pdf() && playbook.pdf() && !tooLarge(playbook);
    }

    public static boolean tooLarge(Playbook playbook) {
        return playbook.allStages().size() > MAX_STAGES;
    }

    /** How long drawing (or fetching) packs took, added up over the threads that drew them. */
    public long millis() {
        return nanos.get() / 1_000_000;
    }

    /** How many packs this drew, rather than took from the cache. */
    public int drawn() {
        return drawn.get();
    }

    /**
     * @param flowSvg the playbook's flowchart as drawn for its pages, or the markup in its place; null for none
     * @param markdownDiagrams the drawn markup of a ```plantuml block in the playbook's Markdown, by its source
     */
    public Pack render(Playbook playbook, SiteSettings settings, String flowSvg, Function<String, String> markdownDiagrams)
            throws RenderException, TemplateMistake {
        return render(playbook, settings, flowSvg, markdownDiagrams, null);
    }

    /**
     * @param changes what changed since the site's baseline, which the pack marks as the pages do; null without one.
     *                The marks are part of the document, so the cache tells a marked pack from an unmarked one.
     */
    public Pack render(Playbook playbook, SiteSettings settings, String flowSvg, Function<String, String> markdownDiagrams,
                       ChangesView changes) throws RenderException, TemplateMistake {
        long start = System.nanoTime();
        try {
            PackKey.Key key = keys.of(playbook, settings, flowSvg, changes);
            Pack known = key == null ? null : cache.get(key.entry());
            if (known != null) return known;
            // YAML's escapes can write control characters, which a web page shows as nothing but XML forbids
            String xhtml = SafeXml.withoutForbiddenChars(theme.fill(TEMPLATE,
                    model(playbook, settings, flowSvg, markdownDiagrams, changes)));
            org.w3c.dom.Document document = parse(xhtml, playbook);
            new PackLayout(settings.paper()).fit(document);
            // the document's identifier, the same whenever the same pack is drawn
            long id = ByteBuffer.wrap(key != null ? key.content() : digest(xhtml, settings, playbook)).getLong();
            Pack pack;
            try {
                pack = maker().draw(document, generator, id, playbook.lastChanged());
            } catch (java.io.IOException | RuntimeException e) {
                throw new RenderException("cannot draw the onboarding pack " + SitePaths.onboardingPack(playbook.id())
                        + ": " + e.getMessage(), e);
            }
            drawn.incrementAndGet();
            if (key != null) cache.put(key.entry(), pack);
            return pack;
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    private synchronized PdfMaker maker() throws RenderException {
        if (maker == null) maker = new PdfMaker(new PackFonts());
        return maker;
    }

    private synchronized Messages words(Language language) throws RenderException {
        if (messages == null) {
            try {
                messages = theme.messages();
            } catch (java.io.IOException e) {
                throw new RenderException("cannot read the theme: " + e.getMessage(), e);
            }
        }
        return messages.get(language);
    }

    private Map<String, Object> model(Playbook playbook, SiteSettings settings, String flowSvg,
                                      Function<String, String> markdownDiagrams, ChangesView changes) throws RenderException {
        Messages words = words(playbook.language());
        Map<String, Object> model = new HashMap<>();
        model.put("playbook", playbook);
        model.put("settings", settings);
        model.put("lang", playbook.language().code());
        model.put("msg", words.forTemplates());
        model.put("generator", generator);
        model.put("view", new PlaybookView(playbook, new PageLinks(SitePaths.onboardingPack(playbook.id())), words));
        model.put("pageSize", PackLayout.cssSize(settings.paper()));
        if (changes != null) model.put("changes", changes);
        model.put("flowSvg", TemplateHelpers.trusted(flowSvg == null ? "" : flowSvg));
        model.put("flowWide", flowSvg != null && PackLayout.isWide(flowSvg));
        if (playbook.lastChanged() != null) model.put("lastChanged", playbook.lastChanged().toString());
        model.put("auditQuestions", TemplateHelpers.auditQuestions(settings, words));
        TemplateHelpers.addTo(model, new MarkdownRenderer(markdownDiagrams), words);
        return model;
    }

    /** For a pack without a key: its document, the paper, its date, the tool and the libraries. */
    private byte[] digest(String xhtml, SiteSettings settings, Playbook playbook) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String tools = FORMAT + '\n' + generator + '\n' + LibraryVersions.INSTANCE + '\n' + settings.paper() + '\n'
                    + playbook.lastChanged() + '\n';
            sha.update(tools.getBytes(StandardCharsets.UTF_8));
            return sha.digest(xhtml.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** The template's output as a document; a template that wrote broken XHTML is told where. */
    private org.w3c.dom.Document parse(String xhtml, Playbook playbook) throws RenderException, TemplateMistake {
        try {
            return SafeXml.parse(xhtml);
        } catch (SAXParseException e) {
            throw TemplateMistake.in(theme, TEMPLATE, "did not give well-formed XHTML for "
                    + SitePaths.onboardingPack(playbook.id()) + " (output line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + "): " + e.getMessage());
        } catch (Exception e) {
            throw new RenderException("cannot read the onboarding pack's XHTML: " + e.getMessage(), e);
        }
    }

    static String libraryVersions() {
        return LibraryVersions.INSTANCE;
    }

    /** The versions of the libraries that lay out and write the PDF, which a cached pack depends on. */
    private static final class LibraryVersions {
        static final String INSTANCE = "openhtmltopdf " + version("/META-INF/maven/io.github.openhtmltopdf/openhtmltopdf-pdfbox/pom.properties")
                + ", pdfbox " + org.apache.pdfbox.util.Version.getVersion();

        private static String version(String resource) {
            try (InputStream in = OnboardingPack.class.getResourceAsStream(resource)) {
                if (in == null) return "unknown";
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            } catch (java.io.IOException e) {
                return "unknown";
            }
        }
    }
}
