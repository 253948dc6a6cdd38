package dev.playbook.load;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.diagnostics.Suggestions;
import dev.playbook.load.Definitions.BranchDefinition;
import dev.playbook.load.Definitions.ItemDefinition;
import dev.playbook.load.Definitions.LanguageText;
import dev.playbook.load.Definitions.NamedDefinition;
import dev.playbook.load.Definitions.PlaybookDefinition;
import dev.playbook.load.Definitions.ResourceDefinition;
import dev.playbook.load.Definitions.SiteDefinition;
import dev.playbook.load.Definitions.StageDefinition;
import dev.playbook.load.Definitions.TaskDefinition;
import dev.playbook.load.Definitions.TrackDefinition;
import dev.playbook.model.LinkPolicy;
import dev.playbook.model.Markdown;
import dev.playbook.model.PaperSize;
import dev.playbook.model.Robots;
import dev.playbook.model.Slugs;
import dev.playbook.model.StageDuration;
import dev.playbook.model.StageKind;
import dev.playbook.model.StageStatus;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the YAML tree of one file into {@link Definitions}, checking keys, types and the shape of values. */
final class DefinitionReader {
    static final Set<String> PLAYBOOK_KEYS = Set.of("playbook", "title", "language", "version", "owner", "summary",
            "extends", "roles", "buyer_journey", "loss_reasons", "stages", "tracks", "remove", "crm", "pdf", "last_changed");
    static final Set<String> STAGE_KEYS = Set.of("id", "title", "status", "kind", "buyer_phase", "goal",
            "description", "definition", "tasks", "exit_criteria", "buyer_commitments", "questions", "probability",
            "duration", "next", "branches", "after", "before", "crm");
    static final Set<String> TASK_KEYS = Set.of("title", "id", "role", "optional", "details", "resources");
    static final Set<String> RESOURCE_KEYS = Set.of("title", "url");
    static final Set<String> NAMED_KEYS = Set.of("id", "title");
    static final Set<String> BRANCH_KEYS = Set.of("when", "to");
    static final Set<String> TRACK_KEYS = Set.of("id", "title", "stages", "returns_to");
    static final Set<String> ITEM_KEYS = Set.of("id", "text");
    static final Set<String> SITE_KEYS = Set.of("title", "language", "base_url", "audit_questions", "footer", "changes_since",
            "robots", "pdf", "paper");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,4})\\s*([dw])");

    private final String file;
    private final SourceText source;
    private final Diagnostics diagnostics;
    private final CrmBlockReader crm;

    DefinitionReader(String file, String text, Diagnostics diagnostics) {
        this.file = file;
        this.source = new SourceText(text);
        this.diagnostics = diagnostics;
        this.crm = new CrmBlockReader(source, diagnostics);
    }

    PlaybookDefinition playbook(YamlNode root) {
        if (!(root instanceof YamlNode.Mapping m)) {
            diagnostics.error(root.at(), "a playbook file should be a mapping of keys (`playbook:`, `title:`, "
                    + "`stages:` ...), but this is " + root.description());
            return null;
        }
        MappingReader r = new MappingReader(m, "a playbook", PLAYBOOK_KEYS, source, diagnostics);
        Located<String> id = id(r, "playbook");
        if (id == null && !r.has("playbook")) {
            diagnostics.error(m.at(), "missing `playbook:`, the playbook's id (e.g. `playbook: b2b-sales`)");
        }
        return new PlaybookDefinition(file, m.at(), id, r.requiredText("title"), r.text("language"), r.text("version"),
                r.text("owner"), r.markdown("summary"), r.text("extends"),
                r.list("roles", n -> named(n, "a role")),
                r.list("buyer_journey", n -> named(n, "a buyer phase")),
                r.list("loss_reasons", n -> scalar(n, "a loss reason")),
                r.list("stages", this::stage),
                r.list("tracks", this::track),
                r.list("remove", n -> scalar(n, "`remove`")),
                crm.playbook(r), r.bool("pdf"), date(r, "last_changed"));
    }

    SiteDefinition site(YamlNode root) {
        if (root == null) {
            return SiteDefinition.empty(file);
        }
        if (!(root instanceof YamlNode.Mapping m)) {
            diagnostics.error(root.at(), "site.yaml should be a mapping of keys (`title:`, `language:` ...), but this is "
                    + root.description());
            return SiteDefinition.empty(file);
        }
        MappingReader r = new MappingReader(m, "site.yaml", SITE_KEYS, source, diagnostics);
        ListValue<Markdown> questions = r.list("audit_questions", n -> r.markdownOf(n, "audit_questions"));
        if (questions != null && questions.append()) {
            diagnostics.error(questions.at(), "`audit_questions` replaces the default questions; write a plain list");
        }
        YamlNode.Mapping titles = perLanguage(r, "title");
        YamlNode.Mapping footers = perLanguage(r, "footer");
        return new SiteDefinition(file, titles == null ? r.text("title") : null, r.text("language"), baseUrl(r),
                questions == null ? List.of() : questions.items(), footers == null ? r.markdown("footer") : null,
                r.text("changes_since"), choice(r, "robots", Robots.class), r.bool("pdf"), choice(r, "paper", PaperSize.class),
                titles == null ? List.of() : languageTexts(titles, "title", YamlNode.Scalar::text),
                footers == null ? List.of() : languageTexts(footers, "footer", source::markdown));
    }

    /** The mapping of a setting written once per language, or null where it is written once for all. */
    private static YamlNode.Mapping perLanguage(MappingReader r, String key) {
        return r.node(key) instanceof YamlNode.Mapping m ? m : null;
    }

    /** {@code { en: ..., pl: ... }}: each language's text; which languages exist is for the resolve step to check. */
    private <T> List<LanguageText<T>> languageTexts(YamlNode.Mapping m, String key, Function<YamlNode.Scalar, T> text) {
        if (m.entries().isEmpty()) {
            diagnostics.error(m.at(), "`" + key + "` is empty; write one text, or one per language (`en:`, `pl:`)");
        }
        List<LanguageText<T>> texts = new ArrayList<>();
        for (YamlNode.Entry e : m.entries()) {
            if (e.value() instanceof YamlNode.Scalar s && !MappingReader.isNull(s)) {
                texts.add(new LanguageText<>(new Located<>(e.key(), e.keyAt()), text.apply(s)));
            } else {
                diagnostics.error(e.value().at(), "`" + key + "` in `" + e.key() + "` should be text, but this is "
                        + e.value().description());
            }
        }
        return texts;
    }

    /**
     * Where the site will be published, for its sitemap and canonical links: an absolute http(s)
     * address, given back ending in {@code /} so that page paths can follow it. Empty means not given.
     */
    private String baseUrl(MappingReader r) {
        YamlNode node = r.node("base_url");
        if (node instanceof YamlNode.Scalar s && MappingReader.isNull(s)) return null;
        Located<String> value = r.text("base_url");
        if (value == null || value.value().isBlank()) return null;
        String url = value.value().trim();
        String example = "; write the address the site is published at, like `https://sales.example.com/playbooks/`";
        if (url.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            diagnostics.error(value.at(), "`base_url` cannot contain spaces or line breaks (write a space as %20): `"
                    + url + "`" + example);
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            diagnostics.error(value.at(), "`base_url` is not a valid address (" + e.getReason().toLowerCase(Locale.ROOT)
                    + "): `" + url + "`" + example);
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            diagnostics.error(value.at(), "`base_url` must be an absolute http or https address; `" + url + "` is not"
                    + example);
            return null;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            diagnostics.error(value.at(), "`base_url` names no valid host: `" + url + "`" + example);
            return null;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            diagnostics.error(value.at(), "`base_url` is the folder the site is published in, so it cannot have a "
                    + "query (`?...`) or a fragment (`#...`): `" + url + "`" + example);
            return null;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return scheme + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/");
    }

    /** The node as a mapping; anything else is an error that says what was expected, and gives null. */
    private YamlNode.Mapping mapping(YamlNode node, String expected) {
        if (node instanceof YamlNode.Mapping m) return m;
        diagnostics.error(node.at(), expected + ", but this is " + node.description());
        return null;
    }

    private StageDefinition stage(YamlNode node) {
        YamlNode.Mapping m = mapping(node, "a stage should be a mapping with at least `id:` and `title:`");
        if (m == null) return null;
        MappingReader r = new MappingReader(m, "a stage", STAGE_KEYS, source, diagnostics);
        Located<String> id = id(r, "id");
        if (id == null) {
            if (!r.has("id")) diagnostics.error(m.at(), "a stage needs an `id:` (e.g. `id: qualification`)");
            return null;
        }
        return new StageDefinition(m.at(), id, r.requiredText("title"),
                choice(r, "status", StageStatus.class), choice(r, "kind", StageKind.class),
                r.text("buyer_phase"), r.markdown("goal"), r.markdown("description"), r.markdown("definition"),
                r.list("tasks", this::task),
                r.list("exit_criteria", n -> item(n, "an exit criterion")),
                r.list("buyer_commitments", n -> item(n, "a buyer commitment")),
                r.list("questions", n -> r.markdownOf(n, "questions")),
                probability(r), duration(r), r.text("next"),
                r.list("branches", this::branch), r.text("after"), r.text("before"), crm.stage(r));
    }

    /** An exit criterion or buyer commitment: its words, or a mapping of `id:` and `text:`. */
    private ItemDefinition item(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar s) {
            return new ItemDefinition(s.at(), null, source.markdown(s));
        }
        YamlNode.Mapping m = mapping(node, what + " should be its text, or a mapping with `text:` (and an optional `id:`)");
        if (m == null) return null;
        MappingReader r = new MappingReader(m, what, ITEM_KEYS, source, diagnostics);
        Markdown text = r.markdown("text");
        if (text == null || text.isBlank()) {
            if (!r.has("text")) diagnostics.error(m.at(), what + " needs its `text:`");
            return null;
        }
        return new ItemDefinition(m.at(), id(r, "id"), text);
    }

    private TaskDefinition task(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            if (MappingReader.isNull(s)) {
                diagnostics.error(s.at(), "empty task; write its title, or remove the `-`");
                return null;
            }
            return new TaskDefinition(s.at(), null, new Located<>(s.text(), s.at()), null, false, null, List.of());
        }
        YamlNode.Mapping m = mapping(node, "a task should be its title, or a mapping with `title:`");
        if (m == null) return null;
        MappingReader r = new MappingReader(m, "a task", TASK_KEYS, source, diagnostics);
        Located<String> title = r.text("title");
        if (title == null || title.value().isBlank()) {
            diagnostics.error(m.at(), "a task needs a `title:`");
            return null;
        }
        Boolean optional = r.bool("optional");
        List<ResourceDefinition> resources = new ArrayList<>();
        ListValue<ResourceDefinition> listed = r.list("resources", this::resource);
        if (listed != null) {
            if (listed.append()) diagnostics.error(listed.at(), "`append` works on a stage's lists, not inside a task");
            resources.addAll(listed.items());
        }
        return new TaskDefinition(m.at(), id(r, "id"), title, r.text("role"), Boolean.TRUE.equals(optional),
                r.markdown("details"), resources);
    }

    private ResourceDefinition resource(YamlNode node) {
        YamlNode.Mapping m = mapping(node, "a resource should be a mapping with `title:` and `url:`");
        if (m == null) return null;
        MappingReader r = new MappingReader(m, "a resource", RESOURCE_KEYS, source, diagnostics);
        Located<String> url = r.text("url");
        if (url == null) {
            diagnostics.error(m.at(), "a resource needs a `url:`");
            return null;
        }
        String link = url.value().trim();
        if (link.chars().anyMatch(c -> Character.isISOControl(c))) {
            // browsers drop tabs and line breaks inside a URL, which would turn "java\tscript:" into a script link
            diagnostics.error(url.at(), "a URL cannot contain tabs, line breaks or other control characters");
            return null;
        }
        String scheme = LinkPolicy.refusedScheme(link);
        if (scheme != null) {
            diagnostics.error(url.at(), "`" + scheme + ":` links are not allowed; use an http, https, "
                    + "mailto or tel address, or a relative path");
            return null;
        }
        String title = r.plainText("title");
        return new ResourceDefinition(m.at(), title == null || title.isBlank() ? link : title, LinkPolicy.encodeUnsafe(link));
    }

    private NamedDefinition named(YamlNode node, String what) {
        YamlNode.Mapping m = mapping(node, what + " should be a mapping with `id:` and `title:`");
        if (m == null) return null;
        MappingReader r = new MappingReader(m, what, NAMED_KEYS, source, diagnostics);
        Located<String> id = id(r, "id");
        String title = r.plainText("title");
        if (id == null) {
            if (!r.has("id")) diagnostics.error(m.at(), what + " needs an `id:`");
            return null;
        }
        if (title == null || title.isBlank()) {
            diagnostics.error(m.at(), what + " needs a `title:`");
            title = id.value();
        }
        return new NamedDefinition(m.at(), id, title);
    }

    private BranchDefinition branch(YamlNode node) {
        YamlNode.Mapping m = mapping(node, "a branch should be a mapping with `when:` and `to:`");
        if (m == null) return null;
        MappingReader r = new MappingReader(m, "a branch", BRANCH_KEYS, source, diagnostics);
        String when = r.plainText("when");
        Located<String> to = r.text("to");
        if (when == null || when.isBlank()) diagnostics.error(m.at(), "a branch needs `when:`, the condition as the rep would say it");
        if (to == null) diagnostics.error(m.at(), "a branch needs `to:`, a stage id, a track id, `won` or `lost`");
        return when == null || when.isBlank() || to == null ? null : new BranchDefinition(m.at(), when, to);
    }

    private TrackDefinition track(YamlNode node) {
        YamlNode.Mapping m = mapping(node, "a track should be a mapping with `id:`, `title:` and `stages:`");
        if (m == null) return null;
        MappingReader r = new MappingReader(m, "a track", TRACK_KEYS, source, diagnostics);
        Located<String> id = id(r, "id");
        if (id == null) {
            if (!r.has("id")) diagnostics.error(m.at(), "a track needs an `id:` (e.g. `id: winback`)");
            return null;
        }
        return new TrackDefinition(m.at(), id, r.requiredText("title"), r.list("stages", this::stage), r.text("returns_to"));
    }

    private Located<String> scalar(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar s && !MappingReader.isNull(s)) {
            return new Located<>(s.text(), s.at());
        }
        diagnostics.error(node.at(), what + " should be text, but this is " + node.description());
        return null;
    }

    /**
     * An id-shaped value: lowercase letters, digits and hyphens, because it becomes part of a URL.
     * A bad id is reported, then kept as written, so that references to it still resolve and the
     * author is not told about the same mistake twice.
     */
    private Located<String> id(MappingReader r, String key) {
        Located<String> value = r.text(key);
        if (value == null) return null;
        if (!ID.matcher(value.value()).matches()) {
            String hint = Slugs.slug(value.value());
            diagnostics.error(value.at(), "`" + value.value() + "` is not a valid id: use lowercase letters a-z, digits "
                    + "and hyphens, starting with a letter or digit, at most 63 characters"
                    + (ID.matcher(hint).matches() && !hint.equals(value.value()) ? "; e.g. `" + hint + "`" : ""));
        }
        return value;
    }

    private <E extends Enum<E>> Located<E> choice(MappingReader r, String key, Class<E> type) {
        Located<String> value = r.text(key);
        if (value == null) return null;
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = constant.name().toLowerCase(Locale.ROOT);
            allowed.add(name);
            if (name.equals(value.value().trim())) return new Located<>(constant, value.at());
        }
        diagnostics.error(value.at(), "`" + key + "` must be one of " + String.join(", ", allowed) + "; `"
                + value.value() + "` is not" + Suggestions.didYouMean(value.value(), allowed));
        return null;
    }

    /** A day written as YYYY-MM-DD, e.g. {@code 2026-01-15}. */
    private Located<LocalDate> date(MappingReader r, String key) {
        Located<String> text = r.text(key);
        if (text == null) return null;
        try {
            return new Located<>(LocalDate.parse(text.value().trim()), text.at());
        } catch (DateTimeParseException e) {
            diagnostics.error(text.at(), "`" + key + "` must be a date written as YYYY-MM-DD, like `2026-01-15`; `"
                    + text.value() + "` is not");
            return null;
        }
    }

    private Located<Integer> probability(MappingReader r) {
        YamlNode node = r.node("probability");
        if (node instanceof YamlNode.Scalar s && s.kind() != YamlNode.Scalar.Kind.INTEGER) {
            diagnostics.error(s.at(), "`probability` should be a whole number from 0 to 100, like `20`; `" + s.text()
                    + "` is not");
            return null;
        }
        Located<Integer> p = r.integer("probability");
        if (p != null && (p.value() < 0 || p.value() > 100)) {
            diagnostics.error(p.at(), "`probability` is a percentage from 0 to 100; " + p.value() + " is outside it");
            return null;
        }
        return p;
    }

    private Located<StageDuration> duration(MappingReader r) {
        YamlNode node = r.node("duration");
        if (node == null) return null;
        Located<String> text = r.text("duration");
        if (text == null) return null;
        Matcher m = DURATION.matcher(text.value().trim());
        Position at = text.at();
        if (!m.matches()) {
            diagnostics.error(at, "`duration` must be a number of days or weeks, like `14d` or `2w`; `"
                    + text.value() + "` is not");
            return null;
        }
        if (Integer.parseInt(m.group(1)) == 0) {
            diagnostics.error(at, "`duration` must be more than zero days, like `14d` or `2w`; `" + text.value()
                    + "` is zero");
            return null;
        }
        StageDuration.Unit unit = m.group(2).equals("w") ? StageDuration.Unit.WEEKS : StageDuration.Unit.DAYS;
        return new Located<>(new StageDuration(Integer.parseInt(m.group(1)), unit), at);
    }
}
