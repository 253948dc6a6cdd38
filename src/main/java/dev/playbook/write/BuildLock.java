package dev.playbook.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One build at a time per output folder: an operating-system lock on a file beside it. The lock
 * dies with the process that holds it, so a killed build never blocks the next one; the holder
 * deletes the file before it lets go, so nothing is left beside the output.
 *
 * <p>Two things make this less simple than it looks. A waiting build may lock a file that the
 * holder has just deleted; so a build goes ahead only when the path names the same file after
 * locking as before opening it. And on POSIX systems closing any handle of a file drops every
 * lock this process holds on it, so this process never opens a lock file it already holds.
 */
final class BuildLock implements AutoCloseable {
    private static final long POLL_MILLIS = 50;
    /**
     * The lock files this process holds. Static because the operating system's lock belongs to
     * the whole process: a second build in it must not even open the file (see above).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting up to {@code patience} for another holder to let go.
     *
     * @param whileWaiting called once, when the lock is first found held
     * @return the lock, or null when it was still held at the end of the wait
     */
    static BuildLock acquire(Path file, Duration patience, Runnable whileWaiting) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean told = false;
        while (true) {
            BuildLock lock = tryAcquire(file.toAbsolutePath().normalize());
            if (lock != null) return lock;
            if (!told) {
                whileWaiting.run();
                told = true;
            }
            if (System.nanoTime() - deadline > 0) return null;
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** The lock if it is free now, else null. */
    private static BuildLock tryAcquire(Path file) throws IOException {
        if (!HELD.add(file)) return null;
        try {
            while (true) {
                Object before = identity(file);
                if (before == null) {
                    create(file);
                    continue;
                }
                FileChannel channel;
                try {
                    channel = FileChannel.open(file, StandardOpenOption.WRITE);
                } catch (NoSuchFileException e) {
                    continue; // deleted by its holder between the two calls
                }
                FileLock lock = tryLock(channel);
                if (lock != null && before.equals(identity(file))) return new BuildLock(file, channel, lock);
                channel.close();
                if (lock == null) {
                    HELD.remove(file);
                    return null;
                }
                // the file was deleted by the holder as it let go: start again on the new one
            }
        } catch (IOException | RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    private static void create(Path file) throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // made by another build a moment ago: lock that one
        }
    }

    /** Which file the path names now (read without opening it), or null when there is none. */
    private static Object identity(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Objects.requireNonNullElse(attributes.fileKey(), file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file); // while still held, so no one else can be using this file
        } finally {
            try {
                lock.release();
                channel.close();
            } finally {
                HELD.remove(file);
            }
        }
    }
}
