package dev.playbook.changes;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.Loader;
import dev.playbook.model.Site;
import dev.playbook.resolve.Resolver;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and reads versions of the definitions. A git revision is read from the repository that
 * holds the source folder, with no git program needed: its copy of the folder is written to a
 * temporary folder, read by the same load and resolve steps as a build, and deleted again.
 */
public final class Revisions {
    /** The working tree, as {@code --to} means when it is not given. */
    public static final String WORKING_TREE = "working tree";

    /** The source folder itself, as it is on disk now. */
    public static Revision.Folder workingTree(Path source, String shown) {
        return new Revision.Folder(source, WORKING_TREE, shown);
    }

    /**
     * What {@code ref} names: a folder of definitions if one exists at that path, else a revision
     * (tag, branch, commit, {@code HEAD~1}) of the git repository that holds {@code source}.
     */
    public Revision resolve(String ref, Path source) throws RevisionException {
        if (ref.isBlank()) throw new RevisionException("an empty revision; name a tag, branch, commit or folder");
        Path folder = Path.of(ref);
        if (Files.isDirectory(folder)) return new Revision.Folder(folder, ref, folder.normalize().toString().replace('\\', '/'));
        try (Repository repository = open(ref, source)) {
            ObjectId commitId = commit(repository, ref);
            Path root = repository.getWorkTree().toPath().toRealPath();
            Path inside = root.relativize(source.toRealPath());
            if (inside.startsWith("..")) {
                throw new RevisionException("`" + source + "` is not inside the work tree of " + root);
            }
            String path = inside.toString().replace('\\', '/');
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(commitId);
                ObjectId tree = commit.getTree().getId();
                if (!path.isEmpty()) {
                    try (TreeWalk at = TreeWalk.forPath(repository, path, commit.getTree())) {
                        if (at == null || at.getFileMode(0) != FileMode.TREE) {
                            throw new RevisionException("`" + ref + "` (commit " + commitId.abbreviate(7).name()
                                    + ") has no folder `" + path + "`; the definitions were elsewhere or did not exist yet");
                        }
                        tree = at.getObjectId(0);
                    }
                }
                return new Revision.Git(ref, source, path, commitId.name(), tree.name());
            }
        } catch (IOException e) {
            throw new RevisionException("cannot read the git repository that holds `" + source + "`: " + e.getMessage(), e);
        }
    }

    /** The playbooks of a revision, loaded and resolved; problems go to the diagnostics with the revision in their place. */
    public Site read(Revision revision, Diagnostics diagnostics) throws RevisionException {
        if (revision instanceof Revision.Folder folder) return site(folder.path(), folder.shown(), diagnostics);
        Revision.Git git = (Revision.Git) revision;
        Path copy;
        try {
            copy = Files.createTempDirectory("playbook-revision-");
        } catch (IOException e) {
            throw new RevisionException("cannot make a temporary folder to read `" + git.label() + "` into: " + e.getMessage(), e);
        }
        try {
            try (Repository repository = open(git.label(), git.start())) {
                copyTree(repository, ObjectId.fromString(git.tree()), copy);
            } catch (IOException | UncheckedIOException e) {
                throw new RevisionException("cannot read `" + git.label() + "` from the repository: " + e.getMessage(), e);
            }
            return site(copy, git.shown(), diagnostics);
        } finally {
            deleteTree(copy);
        }
    }

    private static Site site(Path folder, String shown, Diagnostics diagnostics) {
        return new Resolver().resolve(new Loader().load(folder, shown, diagnostics), diagnostics);
    }

    private static Repository open(String ref, Path source) throws RevisionException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(source.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new RevisionException("`" + ref + "` is not a folder, and `" + source
                    + "` is not inside a git repository, so it cannot be a revision either");
        }
        try {
            Repository repository = builder.setMustExist(true).build();
            if (repository.isBare()) {
                repository.close();
                throw new RevisionException("the repository at " + builder.getGitDir() + " has no work tree");
            }
            return repository;
        } catch (IOException e) {
            throw new RevisionException("cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage(), e);
        }
    }

    private static ObjectId commit(Repository repository, String ref) throws RevisionException, IOException {
        ObjectId id;
        try {
            id = repository.resolve(ref + "^{commit}");
        } catch (AmbiguousObjectException e) {
            throw new RevisionException("`" + ref + "` is ambiguous: more than one object starts with it; give more digits", e);
        } catch (RevisionSyntaxException | IOException e) {
            // JGit says "incorrect object type" and the like for names that are not commits
            id = null;
        }
        if (id == null) {
            throw new RevisionException("`" + ref + "` is neither a folder nor a revision of the repository at "
                    + repository.getWorkTree() + "; give a tag, branch, commit (e.g. v2026.1, origin/main, HEAD~1) or a folder");
        }
        return id;
    }

    /** Writes the definition files of a tree (and its subtrees) below {@code target}; links and submodules are skipped. */
    private static void copyTree(Repository repository, ObjectId tree, Path target) throws IOException {
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            Path root = target.toAbsolutePath().normalize();
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) continue;
                String name = walk.getPathString();
                if (!name.endsWith(".yaml") && !name.endsWith(".yml")) continue;
                Path file = root.resolve(name).normalize();
                if (!file.startsWith(root) || file.equals(root)) continue;
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    reader.open(walk.getObjectId(0)).copyTo(out);
                }
            }
        }
    }

    /** Deletes the temporary copy, which this class made, files first. */
    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is untidy, not wrong; the comparison itself is done
        }
    }
}
