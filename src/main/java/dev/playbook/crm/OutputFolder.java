package dev.playbook.crm;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the files of an export or an import into a folder that may hold other things (a
 * Salesforce project, the definitions folder). It touches only the files it was given: it never
 * deletes anything, leaves a file that already has the same content alone, and replaces a file
 * with other content only when told to ({@code --force}). Every file is written beside its place
 * first and moved in at the end, so a failure leaves no half-written file, and a refusal writes
 * nothing at all.
 */
public final class OutputFolder {
    private final Path folder;
    private final String shownAs;

    /** @param shownAs how the folder is named in messages, e.g. {@code crm/salesforce} */
    public OutputFolder(Path folder, String shownAs) {
        this.folder = folder;
        this.shownAs = shownAs;
    }

    /** What happened to each file, by its path as shown to the user. */
    public record Outcome(List<String> written, List<String> unchanged, List<String> kept) {
    }

    /** The files could not be written as asked; nothing was written. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    public String shown(String path) {
        return shownAs.isEmpty() ? path : shownAs + "/" + path;
    }

    public Outcome write(List<ExportFile> files, boolean force) throws Refused, IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new Refused(shownAs + " is a file, not a folder");
        }
        Map<Path, ExportFile> toWrite = new LinkedHashMap<>();
        List<String> unchanged = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (ExportFile file : files) {
            Path target = target(file.path());
            if (Files.isSymbolicLink(target)) {
                // replacing the link itself is safe; following it could write anywhere
                if (file.onlyIfAbsent()) kept.add(shown(file.path()));
                else if (force) toWrite.put(target, file);
                else different.add(shown(file.path()) + " (a link)");
            } else if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new Refused(shown(file.path()) + " is a folder; move it away to write the file of that name");
            } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (file.onlyIfAbsent()) kept.add(shown(file.path()));
                else if (Arrays.equals(Files.readAllBytes(target), file.content())) unchanged.add(shown(file.path()));
                else if (force) toWrite.put(target, file);
                else different.add(shown(file.path()));
            } else {
                toWrite.put(target, file);
            }
        }
        if (!different.isEmpty()) {
            throw new Refused((different.size() == 1 ? "a file exists and differs from what would be written: "
                    : different.size() + " files exist and differ from what would be written: ")
                    + String.join(", ", different) + "; nothing was written (--force replaces "
                    + (different.size() == 1 ? "it" : "them") + ")");
        }
        List<String> written = new ArrayList<>();
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, ExportFile> e : toWrite.entrySet()) {
                Path parent = e.getKey().getParent();
                Files.createDirectories(parent);
                insideFolder(parent, e.getValue().path());
                Path temp = Files.createTempFile(parent, "." + e.getKey().getFileName() + ".", ".tmp");
                staged.put(temp, e.getKey());
                Files.write(temp, e.getValue().content());
            }
            for (Map.Entry<Path, Path> e : new ArrayList<>(staged.entrySet())) {
                move(e.getKey(), e.getValue());
                staged.remove(e.getKey());
                written.add(shown(folder.relativize(e.getValue()).toString().replace('\\', '/')));
            }
        } finally {
            for (Path temp : staged.keySet()) Files.deleteIfExists(temp);
        }
        return new Outcome(written, unchanged, kept);
    }

    private Path target(String path) throws Refused {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")
                || Arrays.stream(path.split("/", -1)).anyMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."))) {
            throw new IllegalArgumentException("not a plain relative path: " + path);
        }
        Path target = folder.resolve(path).normalize();
        if (!target.startsWith(folder.normalize())) throw new IllegalArgumentException("outside the folder: " + path);
        // a folder on the way that is a file, or a link out of the output folder, is not ours to write through
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        if (existing != null && existing.startsWith(folder.normalize())) {
            if (!Files.isDirectory(existing)) throw new Refused(shown(folder.relativize(existing).toString()) + " is a file, not a folder");
            insideFolder(existing, path);
        }
        return target;
    }

    private void insideFolder(Path directory, String path) throws Refused {
        try {
            if (!directory.toRealPath().startsWith(folder.toRealPath())) {
                throw new Refused("will not write " + shown(path) + ": a folder on its way is a link that leads out of " + shownAs);
            }
        } catch (IOException e) {
            throw new Refused("cannot check the folder of " + shown(path) + ": " + e.getMessage());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
