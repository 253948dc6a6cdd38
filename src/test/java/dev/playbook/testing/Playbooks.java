package dev.playbook.testing;

/** Definitions small enough to write inline, for tests about what happens around them. */
public final class Playbooks {
    private Playbooks() {
    }

    /** A playbook of one stage with one task and one exit criterion. */
    public static String oneStage(String id, String title) {
        return """
                playbook: %s
                title: %s
                stages:
                  - id: qualification
                    title: Qualification
                    tasks: [Call the lead]
                    exit_criteria: [Budget confirmed]
                """.formatted(id, title);
    }
}
