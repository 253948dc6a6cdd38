package dev.playbook.write;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a killed or interrupted build leaves beside the output folder: the site it was writing
 * ({@code .site.new-N}) and the previous site it had moved aside ({@code .site.old-N}). Run
 * while holding the output's {@link BuildLock}, so none of them belongs to a build still running.
 */
final class Leftovers {
    private Leftovers() {
    }

    /**
     * Puts back a previous site that a build moved aside and never replaced, then deletes every
     * leftover whose files are all listed in its own marker; the rest are left alone.
     *
     * @return what was done or left alone, in words, for the build's warnings
     */
    static List<String> tidy(OutputFolder output) throws IOException {
        List<String> said = new ArrayList<>();
        List<Path> leftovers = find(output);
        if (!Files.exists(output.real(), LinkOption.NOFOLLOW_LINKS)) {
            Path newest = leftovers.stream().filter(p -> "old".equals(output.siblingKind(p.getFileName().toString())))
                    .filter(Leftovers::isMarked).max(Comparator.comparing(Leftovers::modified)).orElse(null);
            if (newest != null) {
                Files.move(newest, output.real(), StandardCopyOption.ATOMIC_MOVE);
                leftovers.remove(newest);
                said.add("the output folder was missing after an interrupted build; put back the previous site from "
                        + newest.getFileName() + " before replacing it");
            }
        }
        for (Path leftover : leftovers) {
            try {
                said.add(remove(leftover));
            } catch (IOException e) {
                said.add("could not remove " + leftover.getFileName() + ", left beside the output folder by an interrupted "
                        + "build: " + SiteWriter.describe(e));
            }
        }
        said.removeIf(String::isEmpty);
        return said;
    }

    /** Deletes a leftover that is provably the tool's; returns what to tell about it, or "" for nothing. */
    private static String remove(Path leftover) throws IOException {
        String name = leftover.getFileName().toString();
        SiteMarker.Contents marker = SiteMarker.read(leftover);
        if (marker == null || marker.files() == null) {
            if (OwnedFiles.isEmpty(leftover)) {
                Files.delete(leftover); // made, then killed before it held a file: nothing to lose
                return "";
            }
            return "left " + name + " beside the output folder alone: it has no list of the files Playbook wrote "
                    + "(an interrupted build of an earlier version?); delete it if you do not need it";
        }
        OwnedFiles owned = new OwnedFiles(marker.files());
        List<String> foreign = owned.foreign(leftover);
        if (foreign.isEmpty()) foreign = owned.delete(leftover);
        if (foreign.isEmpty()) return "removed " + name + ", left beside the output folder by an interrupted build";
        return "left " + name + " beside the output folder alone: it holds files Playbook did not write ("
                + OwnedFiles.name(foreign) + ")";
    }

    private static List<Path> find(OutputFolder output) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(output.parent())) {
            for (Path entry : entries) {
                if (output.siblingKind(entry.getFileName().toString()) != null
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(entry);
                }
            }
        }
        found.sort(null);
        return found;
    }

    private static boolean isMarked(Path folder) {
        return Files.isRegularFile(folder.resolve(SiteMarker.NAME), LinkOption.NOFOLLOW_LINKS);
    }

    private static FileTime modified(Path folder) {
        try {
            return Files.getLastModifiedTime(folder.resolve(SiteMarker.NAME));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
