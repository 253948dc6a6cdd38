package dev.playbook.render;

import dev.playbook.diagnostics.Failure;
import dev.playbook.diagnostics.Position;
import dev.playbook.model.Playbook;
import dev.playbook.model.SiteSettings;
import dev.playbook.plan.PageLinks;
import dev.playbook.plan.SitePaths;
import dev.playbook.render.pdf.OnboardingPack;

import java.io.IOException;
import java.util.function.Function;

/**
 * Each playbook's onboarding pack, {@code <playbook>/<playbook>.pdf}. It runs before the pages,
 * which link to the pack with its page count (the fact {@value #PAGES}). Packs drawn on request
 * (the live preview's, where an author saves far more often than anyone opens the PDF) are handed
 * to the sink as a recipe, and their pages are not counted.
 */
public final class PackPublisher implements Publisher {
    /** The fact that tells the pages how many pages a playbook's pack has ({@value #UNCOUNTED}: not counted). */
    public static final String PAGES = "packPages";
    public static final int UNCOUNTED = 0;

    private final OnboardingPack maker;
    private final boolean onRequest;

    /** @param onRequest whether packs are drawn only when asked for, by a sink that can wait */
    public PackPublisher(OnboardingPack maker, boolean onRequest) {
        this.maker = maker;
        this.onRequest = onRequest;
    }

    @Override
    public void prepare(SiteOutput site) {
        SiteSettings settings = site.site().settings();
        if (site.site().playbooks().stream().anyMatch(p -> OnboardingPack.wanted(settings, p))) maker.prepare();
        for (Playbook p : site.site().playbooks()) {
            if (settings.pdf() && p.pdf() && OnboardingPack.tooLarge(p)) {
                site.diagnostics().warning(Position.startOf(p.sourceFile()), "playbook `" + p.id() + "` has "
                        + p.allStages().size() + " stages, too many for a printed onboarding pack (at most "
                        + OnboardingPack.MAX_STAGES + "), so it gets none; `pdf: false` says so and silences this");
            }
        }
    }

    @Override
    public void publish(PlaybookOutput output, FileSink sink) throws RenderException, IOException {
        Playbook playbook = output.playbook();
        SiteSettings settings = output.site().site().settings();
        if (!OnboardingPack.wanted(settings, playbook)) return;
        // a flowchart left out (too large, or PlantUML could not draw it) prints as the pages show it: a notice
        String flowSvg = output.diagrams().flowMarkup();
        Function<String, String> markdownDiagrams = output.markdown().diagramMarkup();
        ChangesView changes = changes(output);
        String path = SitePaths.onboardingPack(playbook.id());
        if (onRequest) {
            sink.acceptOnRequest(path, () -> {
                try {
                    return maker.render(playbook, settings, flowSvg, markdownDiagrams, changes).pdf();
                } catch (TemplateMistake e) {
                    // asked for after the build ended: no list of errors to join, so the request is told
                    throw new RenderException(Failure.input(e.at() + ": error: " + e.getMessage()), e);
                }
            });
            output.facts().put(PAGES, UNCOUNTED);
            return;
        }
        OnboardingPack.Pack pack = maker.render(playbook, settings, flowSvg, markdownDiagrams, changes);
        sink.accept(new RenderedFile(path, pack.pdf()));
        output.facts().put(PAGES, pack.pages());
    }

    /** What changed since the site's baseline, for the pack's marks; null for a site without one. */
    private static ChangesView changes(PlaybookOutput output) {
        SiteOutput site = output.site();
        if (site.changes() == null) return null;
        Playbook playbook = output.playbook();
        return new ChangesView(site.changes(), playbook, new PageLinks(SitePaths.onboardingPack(playbook.id())),
                site.messages(playbook.language()));
    }

    /** How long drawing (or fetching) the packs took, added up over the threads that drew them. */
    public long millis() {
        return maker.millis();
    }
}
