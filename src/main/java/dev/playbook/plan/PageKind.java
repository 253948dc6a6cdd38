package dev.playbook.plan;

/** The kinds of page a site has; each is drawn by the template of the same name. */
public enum PageKind {
    HOME("home"), AUDIT("audit"), PLAYBOOK("playbook"), STAGE("stage"), FLOW("flow"), CHECKLIST("checklist"), BUYER("buyer"),
    CHANGES("changes");

    private final String template;

    PageKind(String template) {
        this.template = template;
    }

    /** The template's file name in the theme, e.g. {@code stage.ftlh}. */
    public String template() {
        return template + ".ftlh";
    }
}
