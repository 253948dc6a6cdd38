package dev.playbook.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes and deletes files on a few threads of its own. On a busy or networked disk each file
 * made or removed waits for the disk rather than the processor: many at once take a fraction of
 * the time one after another takes, and the threads that draw pages never wait for the disk.
 * The bytes waiting to be written are bounded, so a fast renderer cannot fill the memory.
 */
final class DiskWork implements AutoCloseable {
    /** Enough requests in flight to keep a disk's queue full; they wait, they do not compute. */
    static final int THREADS = 8;
    /** The most bytes handed over but not yet written. */
    static final int MAX_PENDING_BYTES = 64 * 1024 * 1024;

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "playbook-disk");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore room = new Semaphore(MAX_PENDING_BYTES);
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    /** Owner, group and mode of a file this run makes, where the system has them; null elsewhere. */
    private final PosixFileAttributes newFile;
    private int pending;

    /** Work that never gives an old file a new name. */
    DiskWork() {
        this.newFile = null;
    }

    /**
     * @param madeHere a file this run made, which shows the owner, group and mode a new file gets:
     *                 an old file is given a new name only when it has the same, so that a site
     *                 looks the same whether its files were written or kept
     */
    DiskWork(Path madeHere) throws IOException {
        this.newFile = Files.getFileAttributeView(madeHere, PosixFileAttributeView.class) == null ? null
                : Files.readAttributes(madeHere, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Writes {@code content} to {@code target} (making its folder) on a thread of its own. A
     * failure is told by a later call or by {@link #finish()}.
     *
     * @param earlier a file of the previous site that may hold these very bytes, or null: if it
     *                does, the new file is a second name for it (a hard link) rather than a copy,
     *                which spares the disk a new file and the bytes, and keeps the file's time
     */
    void write(Path target, byte[] content, Path earlier) throws IOException {
        rethrow();
        int permits = Math.min(content.length, MAX_PENDING_BYTES);
        room.acquireUninterruptibly(permits);
        submit(() -> {
            try {
                Path folder = target.getParent();
                // remembered only once made, so no other thread writes into a folder still to come
                if (!folders.contains(folder)) {
                    Files.createDirectories(folder);
                    folders.add(folder);
                }
                if (earlier == null || !linked(target, earlier, content)) Files.write(target, content);
            } finally {
                room.release(permits);
            }
        });
    }

    /**
     * Makes {@code target} a name of {@code earlier} when that is a plain file with exactly
     * {@code content}, and the owner and mode a new file would have.
     */
    private boolean linked(Path target, Path earlier, byte[] content) {
        try {
            Class<? extends BasicFileAttributes> kind = newFile == null ? BasicFileAttributes.class : PosixFileAttributes.class;
            BasicFileAttributes found = Files.readAttributes(earlier, kind, LinkOption.NOFOLLOW_LINKS);
            if (!found.isRegularFile() || found.size() != content.length) return false;
            if (found instanceof PosixFileAttributes posix && !(posix.owner().equals(newFile.owner())
                    && posix.group().equals(newFile.group()) && posix.permissions().equals(newFile.permissions()))) {
                return false;
            }
            if (!Arrays.equals(Files.readAllBytes(earlier), content)) return false;
            Files.createLink(target, earlier);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // a file system without hard links, or a file gone: the bytes are written instead
            return false;
        }
    }

    /** Deletes every file of {@code files} on the threads, and waits until they are gone. */
    void deleteAll(List<Path> files) throws IOException {
        for (Path file : files) submit(() -> Files.delete(file));
        finish();
    }

    /** Waits until every file handed over is written or deleted; the first failure is thrown. */
    void finish() throws IOException {
        synchronized (this) {
            boolean interrupted = false;
            while (pending > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // what was handed over must end before anyone looks at the folder
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
        rethrow();
    }

    /** Waits for what was handed over, then lets the threads go. */
    @Override
    public void close() {
        try {
            finish();
        } catch (IOException ignored) {
            // told to whoever asked for the work, or of no interest to a caller that gives up
        } finally {
            pool.shutdown();
        }
    }

    private interface DiskTask {
        void run() throws IOException;
    }

    private void submit(DiskTask task) {
        synchronized (this) {
            pending++;
        }
        pool.execute(() -> {
            try {
                if (failure.get() == null) task.run();
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new IOException(e.getMessage(), e));
            } finally {
                synchronized (this) {
                    if (--pending == 0) notifyAll();
                }
            }
        });
    }

    private void rethrow() throws IOException {
        IOException e = failure.get();
        if (e != null) throw e;
    }
}
