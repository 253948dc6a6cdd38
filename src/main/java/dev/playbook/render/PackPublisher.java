package dev.playbook.render;

import dev.playbook.diagnostics.Position;
import dev.playbook.model.Playbook;
import dev.playbook.model.SiteSettings;
import dev.playbook.plan.PageLinks;
import dev.playbook.plan.SitePaths;
import dev.playbook.render.pdf.OnboardingPack;

import java.io.IOException;

/**
 * Each playbook's onboarding pack, {@code <playbook>/<playbook>.pdf}. It runs before the pages,
 * which link to the pack with its page count (the fact {@value #PAGES}).
 */
public final class PackPublisher implements Publisher {
    /** The fact that tells the pages how many pages a playbook's pack has. */
    public static final String PAGES = "packPages";

    private final OnboardingPack maker;

    public PackPublisher(OnboardingPack maker) {
        this.maker = maker;
    }

    @Override
    public void prepare(SiteOutput site) {
        SiteSettings settings = site.site().settings();
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
        OnboardingPack.Pack pack = maker.render(playbook, settings, output.diagrams().flowSvg(),
                output.markdown().diagramMarkup(), changes(output));
        sink.accept(new RenderedFile(SitePaths.onboardingPack(playbook.id()), pack.pdf()));
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
