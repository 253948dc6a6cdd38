package dev.playbook.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
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
                + "and site.yaml, and the JSON Schemas editors use to help with them.",
                "Never overwrites a file: if any of them exists, nothing is written."})
final class InitCommand implements Callable<Integer> {
    /** What init writes, each from the resource of the same name. */
    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("process-definitions/site.yaml", "/init/site.yaml");
        FILES.put("process-definitions/my-process.yaml", "/init/my-process.yaml");
        FILES.put("schema/playbook.schema.json", "/schema/playbook.schema.json");
        FILES.put("schema/site.schema.json", "/schema/site.schema.json");
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "Folder of the new project (created if missing). Default: the current folder.")
    Path folder;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (String name : FILES.keySet()) {
            if (Files.exists(folder.resolve(name))) {
                spec.commandLine().getErr().println("playbook: " + folder.resolve(name)
                        + " already exists; init writes nothing over existing files");
                return Main.USAGE_OR_FAILURE;
            }
        }
        Written written = new Written();
        Path target = null;
        try {
            for (Map.Entry<String, String> file : FILES.entrySet()) {
                target = folder.resolve(file.getKey());
                written.folders(target.getParent());
                byte[] content = resource(file.getValue());
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
        spec.commandLine().getOut().println("Created a playbook project in " + folder + ". Next:\n"
                + "  edit " + folder.resolve("process-definitions/my-process.yaml") + "\n"
                + "  java -jar playbook.jar serve     (live preview at http://127.0.0.1:8080/)\n"
                + "  java -jar playbook.jar build     (the site, in site/)");
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("the jar is missing " + name);
            return in.readAllBytes();
        }
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
