package dev.playbook.render.pdf;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.model.Playbook;
import dev.playbook.model.SiteSettings;
import dev.playbook.render.RenderException;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The onboarding packs of some playbooks, drawn on threads of their own while the pages are
 * drawn; a page that links to a pack waits for it, since the link tells the pack's page count.
 * With no pack wanted, no thread is started and nothing of the PDF library is loaded.
 */
public final class PackRun implements AutoCloseable {
    /** No packs at all, for pages that link to none. */
    public static final PackRun NONE = new PackRun(Map.of(), null);

    /** What a page needs to link to a pack: the link, and the pack's page count. */
    public record Link(String url, int pages) {
    }

    private final Map<String, Future<OnboardingPack.Pack>> packs;
    private final ExecutorService pool;

    private PackRun(Map<String, Future<OnboardingPack.Pack>> packs, ExecutorService pool) {
        this.packs = packs;
        this.pool = pool;
    }

    /**
     * Starts drawing the pack of every playbook that wants one.
     *
     * @param flowSvg the drawn flowchart of a playbook, by its id
     */
    public static PackRun start(OnboardingPack maker, SiteSettings settings, Collection<Playbook> playbooks,
                                Function<String, String> flowSvg, Function<String, String> markdownDiagrams,
                                Diagnostics diagnostics) {
        for (Playbook p : playbooks) {
            if (settings.pdf() && p.pdf() && OnboardingPack.tooLarge(p)) {
                diagnostics.warning(Position.startOf(p.sourceFile()), "playbook `" + p.id() + "` has "
                        + p.allStages().size() + " stages, too many for a printed onboarding pack (at most "
                        + OnboardingPack.MAX_STAGES + "), so it gets none; `pdf: false` says so and silences this");
            }
        }
        var wanted = playbooks.stream().filter(p -> OnboardingPack.wanted(settings, p)).toList();
        if (wanted.isEmpty()) return NONE;
        int threads = Math.max(1, Math.min(wanted.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "playbook-pdf");
            t.setDaemon(true);
            return t;
        });
        Map<String, Future<OnboardingPack.Pack>> packs = new LinkedHashMap<>();
        for (Playbook p : wanted) {
            String svg = flowSvg.apply(p.id());
            packs.put(p.id(), pool.submit(() -> maker.render(p, settings, svg, markdownDiagrams)));
        }
        return new PackRun(packs, pool);
    }

    public boolean has(String playbookId) {
        return packs.containsKey(playbookId);
    }

    /** The finished pack of a playbook that has one, waiting for it if it is still being drawn. */
    public OnboardingPack.Pack await(String playbookId) throws RenderException {
        Future<OnboardingPack.Pack> future = packs.get(playbookId);
        if (future == null) throw new IllegalArgumentException("no onboarding pack is drawn for " + playbookId);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while drawing the onboarding pack of " + playbookId, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RenderException r) throw r;
            throw new RenderException("cannot draw the onboarding pack of " + playbookId + ": " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
