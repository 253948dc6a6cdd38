package dev.playbook.resolve;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.diagnostics.Suggestions;
import dev.playbook.load.Definitions.PlaybookDefinition;
import dev.playbook.load.Definitions.SiteDefinition;
import dev.playbook.load.LoadedDefinitions;
import dev.playbook.load.Located;
import dev.playbook.model.Language;
import dev.playbook.model.Markdown;
import dev.playbook.model.PaperSize;
import dev.playbook.model.Playbook;
import dev.playbook.model.Robots;
import dev.playbook.model.Site;
import dev.playbook.model.SiteSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolve step: merges variants into the playbooks they extend, applies defaults and checks
 * every reference, giving the site's model. Problems go to the diagnostics; the model then
 * holds the playbooks that could be made whole.
 */
public final class Resolver {
    /**
     * Playbooks built the last time, by the very definition object they came from: a long-running
     * preview whose loader hands back unchanged files as the same objects builds only what changed.
     * (A variant's merged definition is new on every run, so variants are always built afresh.)
     */
    private final Map<PlaybookDefinition, Built> remembered = new IdentityHashMap<>();

    private record Built(Playbook playbook, Diagnostics diagnostics, Language language) {
    }

    static final String DEFAULT_SITE_TITLE_EN = "Sales playbooks";
    static final String DEFAULT_SITE_TITLE_PL = "Playbooki sprzedażowe";

    public Site resolve(LoadedDefinitions loaded, Diagnostics diagnostics) {
        SiteSettings settings = settings(loaded.site(), diagnostics);
        Map<String, PlaybookDefinition> byId = new LinkedHashMap<>();
        for (PlaybookDefinition def : loaded.playbooks()) {
            if (def.id() == null) {
                // reported already; still check the rest of the file, under a name no real id can have
                def = withId(def, new Located<>("(" + def.file() + ")", def.at()));
            }
            PlaybookDefinition earlier = byId.putIfAbsent(def.id().value(), def);
            if (earlier != null) {
                diagnostics.error(def.id().at(), "playbook id `" + def.id().value() + "` is already used by "
                        + earlier.file() + "; every playbook needs its own id");
            }
        }
        Map<String, PlaybookDefinition> merged = new HashMap<>();
        VariantMerger merger = new VariantMerger(diagnostics);
        List<Playbook> playbooks = new ArrayList<>();
        Map<PlaybookDefinition, Built> used = new IdentityHashMap<>();
        for (PlaybookDefinition def : byId.values()) {
            PlaybookDefinition whole = flatten(def, byId, merged, merger, new ArrayList<>(), diagnostics);
            if (whole == null) continue;
            Built built = remembered.get(whole);
            if (built == null || built.language() != settings.language()) {
                Diagnostics own = new Diagnostics();
                built = new Built(new PlaybookBuilder(own, settings.language()).build(whole), own, settings.language());
            }
            used.put(whole, built);
            diagnostics.addAll(built.diagnostics());
            if (built.playbook() != null) playbooks.add(built.playbook());
        }
        remembered.clear();
        remembered.putAll(used);
        playbooks.sort(Comparator.comparing(Playbook::id));
        return new Site(settings, playbooks);
    }

    /** The playbook with its whole chain of {@code extends} applied; null where the chain is broken. */
    private PlaybookDefinition flatten(PlaybookDefinition def, Map<String, PlaybookDefinition> byId,
                                       Map<String, PlaybookDefinition> done, VariantMerger merger,
                                       List<String> chain, Diagnostics diagnostics) {
        String id = def.id().value();
        if (done.containsKey(id)) return done.get(id);
        if (def.extendsId() == null) {
            rejectVariantOnlyKeys(def, diagnostics);
            done.put(id, def);
            return def;
        }
        String parentId = def.extendsId().value();
        Position at = def.extendsId().at();
        chain.add(id);
        PlaybookDefinition parent = byId.get(parentId);
        PlaybookDefinition result = null;
        if (parent == null) {
            diagnostics.error(at, "`extends` names no playbook `" + parentId + "`"
                    + Suggestions.didYouMean(parentId, byId.keySet()));
        } else if (chain.contains(parentId)) {
            List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(parentId), chain.size()));
            cycle.add(parentId);
            diagnostics.error(at, "`extends` goes round in a circle: " + String.join(" -> ", cycle)
                    + "; a variant cannot, through its chain, extend itself");
        } else {
            PlaybookDefinition base = flatten(parent, byId, done, merger, chain, diagnostics);
            if (base != null) result = merger.merge(base, def);
        }
        chain.remove(chain.size() - 1);
        done.put(id, result);
        return result;
    }

    private static PlaybookDefinition withId(PlaybookDefinition d, Located<String> id) {
        return new PlaybookDefinition(d.file(), d.at(), id, d.title(), d.language(), d.version(), d.owner(), d.summary(),
                d.extendsId(), d.roles(), d.buyerJourney(), d.lossReasons(), d.stages(), d.tracks(), d.remove(), d.crm(),
                d.pdf(), d.lastChanged());
    }

    private static void rejectVariantOnlyKeys(PlaybookDefinition def, Diagnostics diagnostics) {
        if (def.remove() != null) {
            diagnostics.error(def.remove().at(), "`remove:` takes stages out of an inherited playbook, so it only "
                    + "works in a variant (a playbook with `extends:`)");
        }
        if (def.stages() != null && def.stages().append()) {
            diagnostics.error(def.stages().at(), "`append:` adds to an inherited list, so it only works in a variant "
                    + "(a playbook with `extends:`)");
        }
    }

    private static SiteSettings settings(SiteDefinition def, Diagnostics diagnostics) {
        Language language = Language.EN;
        if (def.language() != null) {
            Language chosen = Language.fromCode(def.language().value().trim());
            if (chosen == null) {
                diagnostics.error(def.language().at(), "`language` must be `en` or `pl`; `" + def.language().value()
                        + "` is not supported");
            } else {
                language = chosen;
            }
        }
        String single = def.title() != null && !def.title().value().isBlank() ? def.title().value() : null;
        Map<Language, String> titles = SiteTexts.byLanguage("title", single, def.titles(), language,
                l -> l == Language.PL ? DEFAULT_SITE_TITLE_PL : DEFAULT_SITE_TITLE_EN, diagnostics);
        Map<Language, Markdown> footers = SiteTexts.byLanguage("footer", def.footer(), def.footers(), language,
                l -> null, diagnostics);
        return new SiteSettings(titles.get(language), language, def.baseUrl() == null ? "" : def.baseUrl(),
                def.auditQuestions(), footers.get(language), def.robots() == null ? Robots.INDEX : def.robots().value(),
                !Boolean.FALSE.equals(def.pdf()), def.paper() == null ? PaperSize.A4 : def.paper().value(), titles, footers);
    }
}
