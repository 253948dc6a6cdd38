package dev.playbook.plan;

import java.util.regex.Pattern;

/**
 * Where each page lives in the site. Ids are checked against the id pattern before they get
 * here; the check is repeated so that no id can ever name a path outside the site.
 */
public final class SitePaths {
    private static final Pattern SAFE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private SitePaths() {
    }

    public static String home() {
        return "index.html";
    }

    public static String playbook(String playbookId) {
        return safe(playbookId) + "/index.html";
    }

    public static String stage(String playbookId, String stageId) {
        return safe(playbookId) + "/stages/" + safe(stageId) + ".html";
    }

    public static String audit() {
        return "audit.html";
    }

    /** The search index, a script rather than JSON so that it loads from disk too, where fetch() is refused. */
    public static String searchIndex() {
        return "assets/search-index.js";
    }

    /** One playbook's part of the search index, which the index lists. */
    public static String searchPart(String playbookId) {
        return safe(playbookId) + "/search.js";
    }

    public static String checklist(String playbookId) {
        return safe(playbookId) + "/checklist.html";
    }

    public static String buyer(String playbookId) {
        return safe(playbookId) + "/buyer.html";
    }

    /** What changed in a playbook since the baseline the site marks changes against. */
    public static String changes(String playbookId) {
        return safe(playbookId) + "/changes.html";
    }

    public static String flow(String playbookId) {
        return safe(playbookId) + "/flow.html";
    }

    /** The playbook's onboarding pack, a printable handbook, e.g. {@code b2b/b2b.pdf}. */
    public static String onboardingPack(String playbookId) {
        return safe(playbookId) + "/" + safe(playbookId) + ".pdf";
    }

    /** A diagram file beside the playbook's pages, e.g. {@code b2b/flow.svg} or {@code b2b/roles.puml}. */
    public static String diagramFile(String playbookId, String name) {
        if (!name.matches("[a-z]+\\.(svg|puml)")) throw new IllegalArgumentException("not a diagram file name: " + name);
        return safe(playbookId) + "/" + name;
    }

    /** The JSON Schemas for definition files, published with the site for editors to use. */
    public static String schema(String name) {
        return "schema/" + name;
    }

    public static String asset(String name) {
        return "assets/" + name;
    }

    private static String safe(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a safe id for a path: " + id);
        }
        return id;
    }
}
