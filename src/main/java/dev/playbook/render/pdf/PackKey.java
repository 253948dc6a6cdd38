package dev.playbook.render.pdf;

import dev.playbook.diagnostics.Position;
import dev.playbook.model.Markdown;
import dev.playbook.model.Playbook;
import dev.playbook.model.SiteSettings;
import dev.playbook.render.ChangesView;
import dev.playbook.render.Theme;
import dev.playbook.render.ToolCode;
import dev.playbook.render.ValueDigest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cache key of a playbook's onboarding pack, worked out from what the pack is made of rather
 * than from the pack itself: finding a cached pack then costs no filling of its template. A pack
 * is made of the playbook (its Markdown, and so the diagrams in it), the site's settings, the
 * changes since the baseline, the flowchart as drawn, the theme, and the tool: its code, the bundled
 * theme and libraries in its jar (as {@link ToolCode} tells them), and
 * {@link OnboardingPack#FORMAT}. The key is null when a part cannot be told for sure (a file of the
 * theme that cannot be read, a kind of value {@link ValueDigest} does not know): such a pack is
 * drawn and not cached, since a key that left out part of its input would hand out a stale pack.
 * Safe to share between threads.
 */
final class PackKey {
    private final Theme theme;
    private final String generator;
    /**
     * Where in which file each part was written never shows in a pack: left out, so that the same
     * playbook gives the same pack (and document identifier) whichever way its folder was named,
     * and a line moved in its file does not draw its pack again.
     */
    private final ValueDigest digest = new ValueDigest(Set.of(Position.class),
            Map.of(Playbook.class, Set.of("sourceFile"), Markdown.class, Set.of("firstLine", "firstColumn")));
    /** The tool's version and libraries, and its theme and exact build: the same for every pack this draws; found once. */
    private volatile byte[] tool;
    /** The theme folder and exact build, worked out once, on a thread of its own (see {@link #prepare()}). */
    private FutureTask<byte[]> themeAndBuild;
    /** The settings and changes of the run under way: one digest for all its packs. */
    private final AtomicReference<Digested> settings = new AtomicReference<>();
    private final AtomicReference<Digested> changes = new AtomicReference<>();

    /** A value, by identity, and its digest. */
    private record Digested(Object value, byte[] digest) {
    }

    /** The exact build of the tool, as lines that change whenever its code does. */
    @FunctionalInterface
    interface Build {
        List<String> lines() throws IOException;
    }

    private final Build build;

    PackKey(Theme theme, String generator) {
        this(theme, generator, () -> List.of(ToolCode.running().identity()));
    }

    PackKey(Theme theme, String generator, Build build) {
        this.theme = theme;
        this.generator = generator;
        this.build = build;
    }

    /**
     * A pack's key in two parts.
     *
     * @param content what the pack is drawn from (the playbook, settings, changes, flowchart, tool
     *                version and libraries), which also seeds the PDF's document identifier: the same
     *                pack gets the same identifier wherever the same release draws it, and a theme
     *                that only changes the pages leaves the pack's bytes alone
     * @param entry   that, the theme folder's files and the exact build of the tool, which name the
     *                pack in the cache
     */
    record Key(byte[] content, String entry) {
    }

    /** The key of the pack these make, or null when it cannot be told for sure. */
    Key of(Playbook playbook, SiteSettings siteSettings, String flowSvg, ChangesView changesView) {
        try {
            byte[] content = digest.of("tool", tool(), "settings", digested(settings, siteSettings),
                    "changes", changesView == null ? null : digested(changes, changesView.comparison()),
                    "playbook", playbook, "flowchart", flowSvg);
            return new Key(content, HexFormat.of().formatHex(digest.of("content", content, "build", build())));
        } catch (ValueDigest.Unsupported | IOException | UncheckedIOException e) {
            return null;
        }
    }

    private byte[] digested(AtomicReference<Digested> memo, Object value) throws ValueDigest.Unsupported {
        Digested known = memo.get();
        if (known != null && known.value() == value) return known.digest();
        byte[] d = digest.of("value", value);
        memo.set(new Digested(value, d));
        return d;
    }

    private byte[] tool() throws IOException, ValueDigest.Unsupported {
        byte[] known = tool;
        if (known == null) {
            known = digest.of("format", OnboardingPack.FORMAT, "generator", generator,
                    "libraries", OnboardingPack.libraryVersions());
            tool = known;
        }
        return known;
    }

    /**
     * Starts working out what every key shares but takes a while to find (the theme folder's
     * files; the tool's code, a tenth of a second or more from its jar's table of contents) on a
     * thread of its own, so that it is ready by the time the first pack is looked for. Only once.
     */
    synchronized void prepare() {
        if (themeAndBuild != null) return;
        themeAndBuild = new FutureTask<>(() -> digest.of("theme", theme.fingerprint(), "code", build.lines()));
        Thread thread = new Thread(themeAndBuild, "playbook-pack-key");
        thread.setDaemon(true);
        thread.start();
    }

    private byte[] build() throws IOException, ValueDigest.Unsupported {
        FutureTask<byte[]> task;
        synchronized (this) {
            prepare();
            task = themeAndBuild;
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the theme and the tool's code", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof ValueDigest.Unsupported unsupported) throw unsupported;
            throw new IOException("cannot read the theme or the tool's code: " + e.getCause(), e.getCause());
        }
    }
}
