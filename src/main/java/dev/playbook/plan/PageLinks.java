package dev.playbook.plan;

/** The links of one page, each relative to where the page itself lives. Templates call these. */
public final class PageLinks {
    private final String from;

    public PageLinks(String from) {
        this.from = from;
    }

    public String self() {
        return RelativeLinks.between(from, from);
    }

    /** The way up to the site's root folder, e.g. {@code ../../}; empty on a page at the root. */
    public String root() {
        String home = home();
        return home.substring(0, home.length() - SitePaths.home().length());
    }

    public String audit() {
        return RelativeLinks.between(from, SitePaths.audit());
    }

    public String checklist(String playbookId) {
        return RelativeLinks.between(from, SitePaths.checklist(playbookId));
    }

    public String buyer(String playbookId) {
        return RelativeLinks.between(from, SitePaths.buyer(playbookId));
    }

    public String home() {
        return RelativeLinks.between(from, SitePaths.home());
    }

    public String asset(String name) {
        return RelativeLinks.between(from, SitePaths.asset(name));
    }

    public String playbook(String playbookId) {
        return RelativeLinks.between(from, SitePaths.playbook(playbookId));
    }

    public String stage(String playbookId, String stageId) {
        return RelativeLinks.between(from, SitePaths.stage(playbookId, stageId));
    }

    public String changes(String playbookId) {
        return RelativeLinks.between(from, SitePaths.changes(playbookId));
    }

    public String flow(String playbookId) {
        return RelativeLinks.between(from, SitePaths.flow(playbookId));
    }

    public String onboardingPack(String playbookId) {
        return RelativeLinks.between(from, SitePaths.onboardingPack(playbookId));
    }

    public String diagramFile(String playbookId, String name) {
        return RelativeLinks.between(from, SitePaths.diagramFile(playbookId, name));
    }

    /** A track has no page of its own: it is a section of the playbook's overview. */
    public String track(String playbookId, String trackId) {
        return playbook(playbookId) + "#track-" + trackId;
    }
}
