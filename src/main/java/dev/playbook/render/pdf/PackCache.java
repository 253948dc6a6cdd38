package dev.playbook.render.pdf;

import dev.playbook.render.CacheEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Remembers finished packs on disk, beside the drawn diagrams, keyed by a hash of everything a
 * pack is made from; an unchanged playbook never has its pack drawn twice. Each entry is a
 * {@link CacheEntry}, checked on every read, so that a pack damaged in the cache (cut short,
 * overwritten in part) is drawn again rather than published. A cache that cannot be read or
 * written only costs time.
 */
public final class PackCache {
    /** No cache: every pack is drawn. */
    public static final PackCache NONE = new PackCache(null, true);
    /** An entry's label (see {@link CacheEntry}): this and the pack's page count, e.g. {@code playbook-pack-2 23}. */
    private static final String LABEL = "playbook-pack-2 ";

    private final Path folder;
    private final boolean readOnly;

    /** @param folder where to keep packs, or null for no cache */
    public PackCache(Path folder, boolean readOnly) {
        this.folder = folder;
        this.readOnly = readOnly;
    }

    /** The packs kept in a {@code pdf} folder of the build's cache folder (null: no cache). */
    public static PackCache in(Path cacheFolder, boolean writable) {
        return cacheFolder == null ? NONE : new PackCache(cacheFolder.resolve("pdf"), !writable);
    }

    OnboardingPack.Pack get(String key) {
        if (folder == null) return null;
        Path file = file(key);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) return null;
            CacheEntry.Contents entry = CacheEntry.read(Files.readAllBytes(file));
            if (!entry.label().startsWith(LABEL)) return null;
            OnboardingPack.Pack pack = new OnboardingPack.Pack(entry.body(), Integer.parseInt(entry.label().substring(LABEL.length())));
            if (!readOnly) CacheEntry.markUsed(file, attributes.lastModifiedTime(), Instant.now());
            return pack;
        } catch (IOException | CacheEntry.Damaged | NumberFormatException e) {
            return null;
        }
    }

    void put(String key, OnboardingPack.Pack pack) {
        if (folder == null || readOnly) return;
        try {
            CacheEntry.write(file(key), LABEL + pack.pages(), pack.pdf());
        } catch (IOException ignored) {
            // the cache is an optimisation; the build goes on without it
        }
    }

    /**
     * Removes the packs in the {@code pdf} folder of the cache folder {@code cacheFolder} last used
     * before {@code cutoff}, of this version or any other (see {@link CacheEntry#prune}).
     */
    public static int prune(Path cacheFolder, FileTime cutoff) {
        return CacheEntry.prune(cacheFolder.resolve("pdf"), "pack", "playbook-pack-", cutoff);
    }

    private Path file(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ".pack");
    }
}
