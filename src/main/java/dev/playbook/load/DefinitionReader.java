package dev.playbook.load;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.load.Definitions.BranchDefinition;
import dev.playbook.load.Definitions.NamedDefinition;
import dev.playbook.load.Definitions.PlaybookDefinition;
import dev.playbook.load.Definitions.ResourceDefinition;
import dev.playbook.load.Definitions.SiteDefinition;
import dev.playbook.load.Definitions.StageDefinition;
import dev.playbook.load.Definitions.TaskDefinition;
import dev.playbook.load.Definitions.TrackDefinition;
import dev.playbook.model.Markdown;
import dev.playbook.model.PaperSize;
import dev.playbook.model.StageDuration;
import dev.playbook.model.StageKind;
import dev.playbook.model.StageStatus;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the YAML tree of one file into {@link Definitions}, checking keys, types and the shape of values. */
final class DefinitionReader {
    static final Set<String> PLAYBOOK_KEYS = Set.of("playbook", "title", "language", "version", "owner", "summary",
            "extends", "roles", "buyer_journey", "loss_reasons", "stages", "tracks", "remove", "pdf", "last_changed");
    static final Set<String> STAGE_KEYS = Set.of("id", "title", "status", "kind", "buyer_phase", "goal",
            "description", "definition", "tasks", "exit_criteria", "buyer_commitments", "questions", "probability",
            "duration", "next", "branches", "after", "before");
    static final Set<String> TASK_KEYS = Set.of("title", "id", "role", "optional", "details", "resources");
    static final Set<String> RESOURCE_KEYS = Set.of("title", "url");
    static final Set<String> NAMED_KEYS = Set.of("id", "title");
    static final Set<String> BRANCH_KEYS = Set.of("when", "to");
    static final Set<String> TRACK_KEYS = Set.of("id", "title", "stages", "returns_to");
    static final Set<String> SITE_KEYS = Set.of("title", "language", "base_url", "audit_questions", "footer", "pdf",
            "paper");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,4})\\s*([dw])");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");

    private final String file;
    private final SourceText source;
    private final Diagnostics diagnostics;

    DefinitionReader(String file, String text, Diagnostics diagnostics) {
        this.file = file;
        this.source = new SourceText(text);
        this.diagnostics = diagnostics;
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
                r.bool("pdf"), date(r, "last_changed"));
    }

    SiteDefinition site(YamlNode root) {
        if (root == null) {
            return new SiteDefinition(file, null, null, null, List.of(), null, null, null);
        }
        if (!(root instanceof YamlNode.Mapping m)) {
            diagnostics.error(root.at(), "site.yaml should be a mapping of keys (`title:`, `language:` ...), but this is "
                    + root.description());
            return new SiteDefinition(file, null, null, null, List.of(), null, null, null);
        }
        MappingReader r = new MappingReader(m, "site.yaml", SITE_KEYS, source, diagnostics);
        ListValue<Markdown> questions = r.list("audit_questions", n -> r.markdownOf(n, "audit_questions"));
        if (questions != null && questions.append()) {
            diagnostics.error(questions.at(), "`audit_questions` replaces the default questions; write a plain list");
        }
        return new SiteDefinition(file, r.text("title"), r.text("language"), r.plainText("base_url"),
                questions == null ? List.of() : questions.items(), r.markdown("footer"), r.bool("pdf"),
                choice(r, "paper", PaperSize.class));
    }

    private StageDefinition stage(YamlNode node) {
        if (!(node instanceof YamlNode.Mapping m)) {
            diagnostics.error(node.at(), "a stage should be a mapping with at least `id:` and `title:`, but this is "
                    + node.description());
            return null;
        }
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
                r.list("exit_criteria", n -> r.markdownOf(n, "exit_criteria")),
                r.list("buyer_commitments", n -> r.markdownOf(n, "buyer_commitments")),
                r.list("questions", n -> r.markdownOf(n, "questions")),
                probability(r), duration(r), r.text("next"),
                r.list("branches", this::branch), r.text("after"), r.text("before"));
    }

    private TaskDefinition task(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            if (MappingReader.isNull(s)) {
                diagnostics.error(s.at(), "empty task; write its title, or remove the `-`");
                return null;
            }
            return new TaskDefinition(s.at(), null, new Located<>(s.text(), s.at()), null, false, null, List.of());
        }
        if (!(node instanceof YamlNode.Mapping m)) {
            diagnostics.error(node.at(), "a task should be its title, or a mapping with `title:`, but this is "
                    + node.description());
            return null;
        }
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
        if (!(node instanceof YamlNode.Mapping m)) {
            diagnostics.error(node.at(), "a resource should be a mapping with `title:` and `url:`, but this is "
                    + node.description());
            return null;
        }
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
        Matcher scheme = SCHEME.matcher(link);
        if (scheme.find() && !SAFE_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
            diagnostics.error(url.at(), "`" + scheme.group(1) + ":` links are not allowed; use an http, https, "
                    + "mailto or tel address, or a relative path");
            return null;
        }
        String title = r.plainText("title");
        return new ResourceDefinition(m.at(), title == null || title.isBlank() ? link : title, encodeUnsafe(link));
    }

    /** Characters a URL may not hold as written (spaces, quotes, brackets) are percent-encoded. */
    static String encodeUnsafe(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (char c : url.toCharArray()) {
            if (" \"<>`{}|\\^".indexOf(c) >= 0) out.append(String.format("%%%02X", (int) c));
            else out.append(c);
        }
        return out.toString();
    }

    private NamedDefinition named(YamlNode node, String what) {
        if (!(node instanceof YamlNode.Mapping m)) {
            diagnostics.error(node.at(), what + " should be a mapping with `id:` and `title:`, but this is "
                    + node.description());
            return null;
        }
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
        if (!(node instanceof YamlNode.Mapping m)) {
            diagnostics.error(node.at(), "a branch should be a mapping with `when:` and `to:`, but this is "
                    + node.description());
            return null;
        }
        MappingReader r = new MappingReader(m, "a branch", BRANCH_KEYS, source, diagnostics);
        String when = r.plainText("when");
        Located<String> to = r.text("to");
        if (when == null || when.isBlank()) diagnostics.error(m.at(), "a branch needs `when:`, the condition as the rep would say it");
        if (to == null) diagnostics.error(m.at(), "a branch needs `to:`, a stage id, a track id, `won` or `lost`");
        return when == null || when.isBlank() || to == null ? null : new BranchDefinition(m.at(), when, to);
    }

    private TrackDefinition track(YamlNode node) {
        if (!(node instanceof YamlNode.Mapping m)) {
            diagnostics.error(node.at(), "a track should be a mapping with `id:`, `title:` and `stages:`, but this is "
                    + node.description());
            return null;
        }
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
            String hint = dev.playbook.model.Slugs.slug(value.value());
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
                + value.value() + "` is not" + dev.playbook.diagnostics.Suggestions.didYouMean(value.value(), allowed));
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
