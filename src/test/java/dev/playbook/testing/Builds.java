package dev.playbook.testing;

import dev.playbook.Outcome;
import dev.playbook.Pipeline;
import dev.playbook.progress.Progress;
import dev.playbook.render.SiteRenderer;

import java.nio.file.Path;

/** Runs the pipeline the way the commands do, for tests that need a site or a check without the command line. */
public final class Builds {
    private Builds() {
    }

    /** A one-off build of {@code source} (named {@code shown} in messages) into {@code output}. */
    public static Outcome build(Path source, String shown, Path output, Path templates, Path cache) {
        return build(source, shown, output, templates, cache, false, null);
    }

    /** @param toolIdentity the tool's identity for the up-to-date check; null never skips a build */
    public static Outcome build(Path source, String shown, Path output, Path templates, Path cache, boolean force,
                                String toolIdentity) {
        return Pipeline.once(new Pipeline.Input(source, shown, templates, cache), "Playbook test", Progress.NONE, true)
                .build(output, force, toolIdentity);
    }

    /** What the run drew; nothing for a run that drew nothing (failed, or up to date). */
    public static SiteRenderer.Summary summary(Outcome outcome) {
        if (outcome instanceof Outcome.Built built) return built.summary();
        return new SiteRenderer.Summary(0, outcome instanceof Outcome.UpToDate u ? u.pages() : 0, 0, 0, 0);
    }

    public static Outcome build(Path source, String shown, Path output, Path templates) {
        return build(source, shown, output, templates, null);
    }

    public static Outcome check(Path source, String shown, Path templates, Path cache) {
        return Pipeline.once(new Pipeline.Input(source, shown, templates, cache), "Playbook test", Progress.NONE, false)
                .check();
    }

    public static Outcome check(Path source, String shown, Path templates) {
        return check(source, shown, templates, null);
    }
}
