package dev.playbook.render;

import dev.playbook.render.diagram.Diagrams;
import dev.playbook.render.pdf.PackCache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a cache folder from growing without end. Every new version of the tool, and every change
 * to a playbook, leaves its old diagrams and packs behind (a pack is a quarter to half a megabyte),
 * so entries nobody has used for {@link #UNUSED_FOR} are removed, at most once a day. A build reads
 * every entry its site needs, and each read marks the entry as used (see
 * {@link CacheEntry#markUsed}), so pruning after a build never removes what that build used; a
 * cache shared by several sites keeps whatever any of them used within the period.
 */
public final class CacheUpkeep {
    /** How long an entry may go unused before it is removed. */
    public static final Duration UNUSED_FOR = Duration.ofDays(30);
    /** How often the cache is looked through: a look costs a listing of every entry. */
    static final Duration EVERY = Duration.ofDays(1);
    /** A file in the cache folder whose time says when it was last looked through. */
    static final String MARKER = ".playbook-pruned";

    private CacheUpkeep() {
    }

    /**
     * Removes the entries of {@code cacheFolder} unused for {@link #UNUSED_FOR}, unless it was
     * looked through less than a day before {@code now}.
     *
     * @return how many files were removed, or -1 when it was not yet time
     */
    public static int pruneIfDue(Path cacheFolder, Instant now) {
        if (!Files.isDirectory(cacheFolder, LinkOption.NOFOLLOW_LINKS)) return -1;
        Path marker = cacheFolder.resolve(MARKER);
        try {
            if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)
                    && Files.getLastModifiedTime(marker).toInstant().isAfter(now.minus(EVERY))) {
                return -1;
            }
        } catch (IOException e) {
            return -1;
        }
        FileTime cutoff = FileTime.from(now.minus(UNUSED_FOR));
        int removed = Diagrams.pruneCache(cacheFolder, cutoff) + PackCache.prune(cacheFolder, cutoff);
        try {
            if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
                Files.writeString(marker, "Playbook removes cache entries unused for " + UNUSED_FOR.toDays()
                        + " days; this file's time says when it last looked.\n");
            }
            // the marker's own time, never that of a file a link in its place points to
            Files.getFileAttributeView(marker, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(FileTime.from(now), null, null);
        } catch (IOException e) {
            // looked through again next time: it only costs a listing
        }
        return removed;
    }
}
