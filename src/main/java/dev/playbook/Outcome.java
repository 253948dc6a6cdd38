package dev.playbook;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Failure;
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
        return (this instanceof Built || this instanceof UpToDate) && !diagnostics().hasErrors();
    }

    /**
     * The words of a failure outside the definitions and templates (an output folder that cannot
     * be written), or null.
     */
    default String failureMessage() {
        return this instanceof Failed failed ? failed.failure().message() : null;
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

    /** The definitions or the templates have errors, which the diagnostics tell; nothing was written. */
    record Rejected(Diagnostics diagnostics, Map<String, Long> millis) implements Outcome {
        public Rejected {
            millis = frozen(millis);
        }
    }

    /** Something outside the definitions and templates stopped the run; nothing was written. */
    record Failed(Diagnostics diagnostics, Failure failure, Map<String, Long> millis) implements Outcome {
        public Failed {
            millis = frozen(millis);
        }
    }

    /** A run that stopped before it began. */
    static Outcome failed(Failure failure) {
        return new Failed(new Diagnostics(), failure, Map.of());
    }

    private static Map<String, Long> frozen(Map<String, Long> millis) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }
}
