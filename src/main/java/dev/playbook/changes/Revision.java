package dev.playbook.changes;

import java.nio.file.Path;

/** One version of the definitions to compare: a folder on disk, or the source folder as a git revision holds it. */
public sealed interface Revision {

    /** How the user named it, e.g. {@code v2026.1}, {@code HEAD~1} or {@code old-definitions}. */
    String label();

    /**
     * @param shown how the folder's files are named in messages
     */
    record Folder(Path path, String label, String shown) implements Revision {
    }

    /**
     * @param start a folder inside the repository's work tree, from where the repository is found again
     * @param folder the source folder's path inside the repository, {@code /}-separated; empty for its root
     * @param commit the commit the revision names, as 40 hex digits
     * @param tree the id of the folder's tree in that commit: it changes exactly when a file in the folder does
     */
    record Git(String label, Path start, String folder, String commit, String tree) implements Revision {
        /** The prefix of every file name in messages: {@code v2026.1:process-definitions}, as {@code git show} takes it. */
        public String shown() {
            return label + ":" + (folder.isEmpty() ? "." : folder);
        }
    }
}
