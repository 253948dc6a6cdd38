package dev.playbook.write;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder a site is published to: as the user named it (for messages) and where it really is.
 * A link is followed, so a site published through {@code site -> /var/www/playbooks} lands in
 * the link's target and the link stays as it was. Everything the swap needs (the new site, the
 * old one moved aside, the lock) sits beside the real folder, in its parent.
 */
final class OutputFolder {
    private final Path shown;
    private final Path real;
    private final Pattern leftover;

    private OutputFolder(Path shown, Path real) {
        this.shown = shown;
        this.real = real;
        this.leftover = Pattern.compile("\\." + Pattern.quote(name()) + "\\.(new|old)-[0-9]+");
    }

    static OutputFolder locate(Path output) throws WriteException {
        Path real;
        try {
            real = RealPath.of(output);
        } catch (IOException e) {
            throw new WriteException("cannot tell where the output folder " + output + " leads: " + SiteWriter.describe(e), e);
        }
        if (real.getParent() == null || real.getFileName() == null) {
            throw new WriteException("refusing to write the site to the root folder " + real);
        }
        if (Files.exists(real) && !Files.isDirectory(real)) {
            throw new WriteException("the output " + output + " is a file, not a folder");
        }
        return new OutputFolder(output, real);
    }

    /** The output as the user named it. */
    Path shown() {
        return shown;
    }

    /** Where the site really is, links followed. */
    Path real() {
        return real;
    }

    Path parent() {
        return real.getParent();
    }

    String name() {
        return real.getFileName().toString();
    }

    Path lockFile() {
        return parent().resolve("." + name() + ".lock");
    }

    /** A new, unused name beside the output for a site being written ("new") or moved aside ("old"). */
    Path sibling(String kind) {
        while (true) {
            long n = ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
            Path candidate = parent().resolve("." + name() + "." + kind + "-" + n);
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) return candidate;
        }
    }

    /** For a name in the parent folder that {@link #sibling} makes for this output, its kind; else null. */
    String siblingKind(String fileName) {
        Matcher m = leftover.matcher(fileName);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * Refuses an input folder the build would replace (the input inside the output) or read the
     * site back from (the output inside the input).
     *
     * @param what the folder's role in words, e.g. "source folder"
     */
    void checkApartFrom(String what, Path input) throws WriteException {
        if (input == null) return;
        Path inputReal;
        try {
            inputReal = RealPath.of(input);
        } catch (IOException e) {
            throw new WriteException("cannot tell where the " + what + " " + input + " leads: " + SiteWriter.describe(e), e);
        }
        if (inputReal.equals(real)) {
            throw new WriteException("the output folder " + shown + " is also the " + what + " " + input
                    + "; each build replaces the output folder whole, so choose an --output of its own");
        }
        if (inputReal.startsWith(real)) {
            throw new WriteException("the " + what + " " + input + " lies inside the output folder " + shown
                    + ", which each build replaces whole; choose an --output outside it");
        }
        if (real.startsWith(inputReal)) {
            throw new WriteException("the output folder " + shown + " lies inside the " + what + " " + input
                    + ", so the next build would read the site back as input; choose an --output outside it");
        }
    }

    /** Refuses, before any work is done, a parent folder the swap could not write in. */
    void checkParentWritable() throws WriteException {
        Path existing = parent();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing != null && !Files.isWritable(existing)) throw needsWriteAccess(existing, null);
    }

    /**
     * What to say when the parent folder refused a write: the user needs to know which folder and
     * why, not the hidden name of a half-made one.
     */
    WriteException writeFailed(IOException e) {
        boolean refused = e instanceof AccessDeniedException || (e instanceof FileSystemException f && f.getReason() != null
                && (f.getReason().contains("not permitted") || f.getReason().contains("Read-only")));
        if (refused) return needsWriteAccess(parent(), e);
        return new WriteException("cannot write the site to " + shown + ": " + SiteWriter.describe(e), e);
    }

    private WriteException needsWriteAccess(Path folder, IOException cause) {
        String message = "cannot write the site to " + shown + ": Playbook writes the new site into a folder beside it and "
                + "swaps the two whole, so it needs permission to write in " + folder
                + (folder.equals(parent()) ? "" : " (where it makes " + parent() + ")")
                + "; make that folder writable, or choose an --output in a folder you may write";
        return new WriteException(message, cause);
    }
}
