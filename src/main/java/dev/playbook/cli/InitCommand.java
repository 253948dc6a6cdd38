package dev.playbook.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Creates a new playbook project: process-definitions/ with a commented example playbook "
                + "and site.yaml, the JSON Schemas editors use to help with them, a .gitignore, and CI files that "
                + "check every change and publish the site on GitHub Pages or GitLab Pages.",
                "Never overwrites a file: if any of them exists, nothing is written."})
final class InitCommand implements Callable<Integer> {
    /** What init writes, each from the resource of the same name. */
    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("process-definitions/site.yaml", "/init/site.yaml");
        FILES.put("process-definitions/my-process.yaml", "/init/my-process.yaml");
        FILES.put("schema/playbook.schema.json", "/schema/playbook.schema.json");
        FILES.put("schema/site.schema.json", "/schema/site.schema.json");
        FILES.put(".gitignore", "/init/gitignore");
        FILES.put(".github/workflows/playbook.yml", "/init/github-workflow.yml");
        FILES.put(".gitlab-ci.yml", "/init/gitlab-ci.yml");
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "Folder of the new project (created if missing). Default: the current folder.")
    Path folder;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<String> existing = FILES.keySet().stream().filter(name -> Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS))
                .toList();
        if (!existing.isEmpty()) {
            spec.commandLine().getErr().println("playbook: " + folder + " already has " + String.join(", ", existing)
                    + "; init writes nothing over existing files, so it wrote nothing. Run it in a new folder, "
                    + "or move these aside first.");
            return Main.USAGE_OR_FAILURE;
        }
        Written written = new Written();
        Path target = null;
        try {
            for (Map.Entry<String, String> file : FILES.entrySet()) {
                target = folder.resolve(file.getKey());
                written.folders(target.getParent());
                byte[] content = StarterFiles.content(file.getValue());
                Files.write(target, content, StandardOpenOption.CREATE_NEW);
                written.files.add(target);
            }
        } catch (IOException e) {
            written.undo();
            spec.commandLine().getErr().println("playbook: cannot write " + target + ": " + reason(e)
                    + "; init wrote nothing");
            spec.commandLine().getErr().flush();
            return Main.USAGE_OR_FAILURE;
        }
        spec.commandLine().getOut().println(nextSteps());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    /** What to do next, as commands that work when typed as they are (the indented lines). */
    String nextSteps() {
        boolean here = folder.toAbsolutePath().normalize().equals(Path.of("").toAbsolutePath());
        String playbook = Launcher.command(!here);
        return "Created a playbook project in " + folder + ". Next:\n"
                + (here ? "" : "  cd " + Launcher.quote(folder.toString()) + "\n")
                + "  " + playbook + " serve\n"
                + "      a live preview at http://127.0.0.1:8080/ that follows your edits of\n"
                + "      process-definitions/my-process.yaml (Ctrl-C stops it)\n"
                + "  " + playbook + " build\n"
                + "      the website, in site/\n"
                + "The project is ready for Git: on GitHub or GitLab, .github/workflows/playbook.yml and .gitlab-ci.yml\n"
                + "check every change and publish the site (see \"Publishing\" in Playbook's README).";
    }

    /** Why a file could not be written, in the words a person needs to fix it. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) return "permission denied on " + denied.getFile();
        if (e instanceof FileAlreadyExistsException exists) return exists.getFile() + " is a file, not a folder";
        if (e instanceof NotDirectoryException notFolder) return notFolder.getFile() + " is a file, not a folder";
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT) + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
        }
        return e.getMessage();
    }

    /** What this run created, so that a run that cannot finish takes back exactly that, and nothing else. */
    private static final class Written {
        final List<Path> files = new ArrayList<>();
        final List<Path> createdFolders = new ArrayList<>();

        void folders(Path folder) throws IOException {
            List<Path> missing = new ArrayList<>();
            Path p = folder.toAbsolutePath();
            for (; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) missing.add(0, p);
            if (p != null && !Files.isDirectory(p)) throw new NotDirectoryException(p.toString());
            for (Path made : missing) {
                Files.createDirectory(made);
                createdFolders.add(made);
            }
        }

        void undo() {
            for (Path file : files) deleteQuietly(file);
            for (int i = createdFolders.size() - 1; i >= 0; i--) deleteQuietly(createdFolders.get(i));
        }

        private static void deleteQuietly(Path path) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a folder someone else filled meanwhile stays, as does anything that is not ours
            }
        }
    }
}
