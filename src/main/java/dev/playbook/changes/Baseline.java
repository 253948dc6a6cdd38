package dev.playbook.changes;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Severity;
import dev.playbook.load.Definitions.SiteDefinition;
import dev.playbook.load.Loader;
import dev.playbook.load.Located;
import dev.playbook.model.Site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The version a site marks its changes against: {@code build --since REF}, else {@code site.yaml}'s
 * {@code changes_since}. Found before the build reads the definitions, so that the revision's
 * content is part of what decides whether the site is up to date.
 */
public final class Baseline {
    private final Revisions revisions = new Revisions();
    private final Revision revision;
    /** The baseline's site once read: a git revision or an old folder does not change under a running build. */
    private Site old;
    private final List<Diagnostic> oldErrors = new ArrayList<>();

    private Baseline(Revision revision) {
        this.revision = revision;
    }

    /**
     * The baseline a build has, or null when it has none. A bad {@code --since} throws; a bad
     * {@code changes_since} is an error at its place in {@code site.yaml}, and gives null.
     */
    public static Baseline find(String since, Path source, String sourceShown, Diagnostics diagnostics) throws RevisionException {
        Revisions revisions = new Revisions();
        if (since != null) return new Baseline(revisions.resolve(since, source));
        SiteDefinition site = new Loader().site(source, sourceShown);
        Located<String> setting = site.changesSince();
        if (setting == null || setting.value().isBlank()) return null;
        try {
            return new Baseline(revisions.resolve(setting.value().strip(), source));
        } catch (RevisionException e) {
            diagnostics.error(setting.at(), "`changes_since`: " + e.getMessage());
            return null;
        }
    }

    public Revision revision() {
        return revision;
    }

    /**
     * What changed from the baseline to {@code site}. Errors in the baseline's definitions go to
     * the diagnostics (with the revision in their place) and give null; its warnings are not this
     * build's business.
     */
    public synchronized Comparison compare(Site site, Diagnostics diagnostics) throws RevisionException {
        if (old == null) {
            Diagnostics own = new Diagnostics();
            old = revisions.read(revision, own);
            own.sorted().stream().filter(d -> d.severity() == Severity.ERROR).forEach(oldErrors::add);
        }
        for (Diagnostic d : oldErrors) {
            diagnostics.error(d.at(), d.message() + " (in the baseline the site marks its changes against)");
        }
        return oldErrors.isEmpty() ? new Comparer().compare(revision.label(), old, Revisions.WORKING_TREE, site) : null;
    }

    /** Whether this baseline names the very same version as {@code other}, so that what it read still holds. */
    public boolean sameAs(Baseline other) {
        return other != null && revision.equals(other.revision);
    }
}
