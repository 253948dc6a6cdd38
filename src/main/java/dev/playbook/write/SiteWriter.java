package dev.playbook.write;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.render.FileSink;
import dev.playbook.render.RenderedFile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write step: writes the whole site into a fresh folder beside the output folder, then
 * swaps it in, so that readers (and a live preview) never see half a site, and a failed build
 * leaves the previous site exactly as it was.
 *
 * <p>The output folder is replaced, so the writer replaces only what it wrote itself: the
 * {@link SiteMarker marker} lists those files, and a folder holding anything else is refused.
 * One build at a time writes an output folder ({@link BuildLock}); what an interrupted one left
 * beside it is tidied up first ({@link Leftovers}).
 */
public final class SiteWriter {
    /** Marks a folder as a site this tool wrote and lists the files it may replace. */
    public static final String MARKER = SiteMarker.NAME;
    /** How long a build waits for another one writing the same output folder. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final Diagnostics diagnostics;

    /** What a finished site says of itself: how many pages it has and the warnings its build gave. */
    public record Record(int pages, List<Diagnostic> warnings) {
        public Record {
            warnings = List.copyOf(warnings);
        }
    }

    /** @param diagnostics where what the writer did on its own (put back a site, removed leftovers) is told */
    public SiteWriter(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * The record of the site in the output folder when it was built from input with this
     * fingerprint, so that building it again would write the very same bytes; else null.
     */
    public Record upToDate(Path output, String fingerprint) {
        if (fingerprint == null) return null;
        try {
            SiteMarker.Contents marker = SiteMarker.read(output);
            if (marker == null || !fingerprint.equals(marker.fingerprint()) || marker.pages() < 0
                    || marker.warnings() == null) return null;
            return new Record(marker.pages(), marker.warnings());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Checks, before any work is done, that the output folder may be replaced: it holds nothing
     * the tool did not write, its parent can take the swap, and no input folder is inside it (or
     * it inside one). Any of the input folders may be null.
     */
    public void checkReplaceable(Path output, Path source, Path templates, Path cache) throws WriteException {
        OutputFolder out = OutputFolder.locate(output);
        out.checkApartFrom("source folder", source);
        out.checkApartFrom("templates folder", templates);
        out.checkApartFrom("diagram cache folder", cache);
        out.checkParentWritable();
        replaceable(out, null);
    }

    /**
     * Takes the output folder for this build and starts writing a site into a fresh folder beside
     * it; nothing is visible until commit.
     *
     * @param fingerprint what the site is built from, kept with it for {@link #upToDate}, or null
     */
    public Transaction begin(Path output, String fingerprint) throws WriteException {
        OutputFolder out = OutputFolder.locate(output);
        BuildLock lock;
        try {
            Files.createDirectories(out.parent());
            lock = BuildLock.acquire(out.lockFile(), PATIENCE, () -> { });
        } catch (IOException e) {
            throw out.writeFailed(e);
        }
        if (lock == null) throw new WriteException("another build is writing " + output + "; try again when it has finished");
        try {
            return open(out, lock, fingerprint);
        } catch (IOException e) {
            closeQuietly(lock);
            throw out.writeFailed(e);
        } catch (WriteException | RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    /** With the output folder held: tidies what interrupted builds left, checks it again, and starts the new site. */
    private Transaction open(OutputFolder out, BuildLock lock, String fingerprint) throws IOException, WriteException {
        for (String notice : Leftovers.tidy(out)) tell(out, notice);
        Replaced previous = replaceable(out, null);
        Path fresh = out.sibling("new");
        Files.createDirectory(fresh);
        try {
            return new Transaction(out, fresh, new SiteMarker.Journal(fresh), lock, fingerprint,
                    previous == null ? new OwnedFiles(List.of()) : previous.owned());
        } catch (IOException e) {
            new OwnedFiles(List.of()).deleteQuietly(fresh);
            throw e;
        }
    }

    /**
     * A site being written: files go into a hidden folder as they arrive (from any thread, and
     * written on threads of its own), and {@link #commit} swaps it in whole once every one is
     * written. Closed without a commit, it leaves no trace.
     */
    public final class Transaction implements FileSink, AutoCloseable {
        private final OutputFolder out;
        private final Path fresh;
        private final SiteMarker.Journal journal;
        private final BuildLock lock;
        private final String fingerprint;
        private final Set<String> written = ConcurrentHashMap.newKeySet();
        private final DiskWork disk;
        /** The files of the site being replaced, which a new file with the same bytes may share. */
        private final OwnedFiles previous;
        private boolean committed;
        private boolean closed;

        private Transaction(OutputFolder out, Path fresh, SiteMarker.Journal journal, BuildLock lock, String fingerprint,
                            OwnedFiles previous) throws IOException {
            // the journal is the first file of the new site: it shows what a new file is like
            this.disk = new DiskWork(fresh.resolve(MARKER));
            this.out = out;
            this.fresh = fresh;
            this.journal = journal;
            this.lock = lock;
            this.fingerprint = fingerprint;
            this.previous = previous;
        }

        @Override
        public void accept(RenderedFile file) throws IOException {
            Path target = inside(fresh, file.path());
            if (written.add(file.path())) journal.record(file.path());
            Path earlier = previous.lists(file.path()) ? inside(out.real(), file.path()) : null;
            disk.write(target, file.content(), earlier);
        }

        /** @param record what the next build needs to know to skip this site while nothing changes, or null */
        public void commit(Record record) throws WriteException {
            Path old = null;
            try {
                disk.finish();
                journal.close();
                Files.writeString(fresh.resolve(MARKER), SiteMarker.text(fingerprint, ownWarningsDropped(record), written));
                // checked again, now that this build holds the folder and knows what it writes
                Replaced replaced = replaceable(out, written);
                if (Files.exists(out.real())) {
                    if (replaced.keepsMode()) FolderMode.copy(out.real(), fresh);
                    old = out.sibling("old");
                }
                swap(fresh, out.real(), old);
                committed = true;
                if (old != null) removeMovedAside(old, replaced.owned());
            } catch (IOException e) {
                throw out.writeFailed(e);
            }
        }

        private void removeMovedAside(Path old, OwnedFiles owned) {
            try {
                List<String> left = owned.delete(old);
                if (!left.isEmpty()) {
                    tell(out, "kept the previous site in " + old.getFileName() + ": files Playbook did not write appeared in it"
                            + " during the build (" + OwnedFiles.name(left) + ")");
                }
            } catch (IOException e) {
                tell(out, "could not remove the previous site, moved aside to " + old.getFileName() + ": " + describe(e)
                        + "; the next build tries again");
            }
        }

        /** The writer's own warnings are about this one build and are not repeated by the next. */
        private Record ownWarningsDropped(Record record) {
            if (record == null) return null;
            Position own = position(out);
            return new Record(record.pages(), record.warnings().stream().filter(w -> !w.at().equals(own)).toList());
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            // nothing handed over may land after the folder is gone
            disk.close();
            if (!committed) {
                try {
                    journal.close();
                } catch (IOException ignored) {
                    // the folder is deleted next, journal and all
                }
                new OwnedFiles(written).deleteQuietly(fresh);
            }
            closeQuietly(lock);
        }
    }

    /** What replacing the output folder may delete, and whether the new site keeps the folder's mode. */
    private record Replaced(OwnedFiles owned, boolean keepsMode) {
    }

    /**
     * Refuses an output folder that holds anything the tool did not write. A marker of an earlier
     * release lists no files; such a site may be replaced only by a build that writes every file
     * in it again, which is known once the site is drawn: before that ({@code written} null) it
     * passes.
     */
    private static Replaced replaceable(OutputFolder out, Set<String> written) throws WriteException {
        Path real = out.real();
        if (!Files.exists(real)) return new Replaced(new OwnedFiles(List.of()), false);
        try {
            SiteMarker.Contents marker = SiteMarker.read(real);
            if (marker == null) {
                List<String> foreign = new OwnedFiles(List.of()).foreign(real);
                if (!foreign.isEmpty()) {
                    throw new WriteException("the output folder " + out.shown() + " already holds files that Playbook did not "
                            + "write (" + OwnedFiles.name(foreign) + "); refusing to replace it (choose another --output, "
                            + "or empty it first)");
                }
                return new Replaced(new OwnedFiles(List.of()), true);
            }
            if (marker.files() != null) {
                OwnedFiles owned = new OwnedFiles(marker.files());
                List<String> foreign = owned.foreign(real);
                if (!foreign.isEmpty()) {
                    throw new WriteException("the output folder " + out.shown() + " holds files that Playbook did not write: "
                            + OwnedFiles.name(foreign) + "; refusing to replace it, with or without --force (move them "
                            + "elsewhere, or choose another --output)");
                }
                return new Replaced(owned, true);
            }
            if (written == null) return null;
            OwnedFiles owned = new OwnedFiles(written);
            List<String> foreign = owned.foreign(real);
            if (!foreign.isEmpty()) {
                throw new WriteException("the output folder " + out.shown() + " holds a site of an earlier Playbook version, "
                        + "which did not list the files it wrote, and files this build does not write: "
                        + OwnedFiles.name(foreign) + "; refusing to replace it (move those files elsewhere, or delete the "
                        + "folder if it only holds the old site)");
            }
            // earlier releases made every site folder private by mistake: their mode is not handed on
            return new Replaced(owned, false);
        } catch (IOException e) {
            throw new WriteException("cannot read the output folder " + out.shown() + ": " + describe(e), e);
        }
    }

    private void tell(OutputFolder out, String notice) {
        diagnostics.warning(position(out), notice);
    }

    private static Position position(OutputFolder out) {
        return Position.startOf(out.shown().toString().replace('\\', '/'));
    }

    /** Resolves a site path inside the folder, refusing any path that would land outside it. */
    static Path inside(Path root, String sitePath) throws IOException {
        Path target = root.resolve(sitePath).normalize();
        if (sitePath.startsWith("/") || sitePath.contains("\\") || !target.startsWith(root) || target.equals(root)) {
            throw new IOException("refusing to write outside the site folder: " + sitePath);
        }
        if (target.equals(root.resolve(MARKER))) throw new IOException("refusing to overwrite the site's marker: " + sitePath);
        return target;
    }

    private static void swap(Path fresh, Path out, Path old) throws IOException {
        if (old != null) move(out, old);
        try {
            move(fresh, out);
        } catch (IOException e) {
            if (old != null) move(old, out);
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void closeQuietly(BuildLock lock) {
        try {
            lock.close();
        } catch (IOException ignored) {
            // the operating system lets go of the lock with the process in any case
        }
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied (" + e.getMessage() + ")";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
