package dev.playbook;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.model.Site;
import dev.playbook.render.RenderScope;
import dev.playbook.render.SiteRenderer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one run of the pipeline came to. Each carries every finding and how long each step took. */
public sealed interface Outcome {
    Diagnostics diagnostics();

    Map<String, Long> millis();

    /** Whether the run did what it was asked, warnings aside. */
    default boolean succeeded() {
        return !(this instanceof Failed) && !diagnostics().hasErrors();
    }

    /**
     * The words of a failure that the diagnostics do not already tell (an output folder that
     * cannot be written, a template that does not parse), or null.
     */
    default String failureMessage() {
        if (!(this instanceof Failed failed)) return null;
        if (failed.failure() instanceof Failure.Invalid && diagnostics().hasErrors()) return null;
        return failed.failure().message();
    }

    /** The site (or the part in {@code scope}) was drawn, and written where the run writes. */
    record Built(Diagnostics diagnostics, Site site, RenderScope scope, SiteRenderer.Summary summary,
                 Map<String, Long> millis) implements Outcome {
        public Built {
            millis = frozen(millis);
        }
    }

    /** The site in the output folder was built from exactly this input; it was left as it is. */
    record UpToDate(Diagnostics diagnostics, int pages, Map<String, Long> millis) implements Outcome {
        public UpToDate {
            millis = frozen(millis);
        }
    }

    /** Nothing was written. */
    record Failed(Diagnostics diagnostics, Failure failure, Map<String, Long> millis) implements Outcome {
        public Failed {
            millis = frozen(millis);
        }
    }

    private static Map<String, Long> frozen(Map<String, Long> millis) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }
}
