package dev.playbook.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    public Integer call() throws IOException {
        for (String name : FILES.keySet()) {
            if (Files.exists(folder.resolve(name))) {
                spec.commandLine().getErr().println("playbook: " + folder.resolve(name)
                        + " already exists; init writes nothing over existing files");
                return Main.USAGE_OR_FAILURE;
            }
        }
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            try (InputStream in = InitCommand.class.getResourceAsStream(file.getValue())) {
                if (in == null) throw new IOException("the jar is missing " + file.getValue());
                Files.write(target, in.readAllBytes(), java.nio.file.StandardOpenOption.CREATE_NEW);
            }
        }
        spec.commandLine().getOut().println("Created a playbook project in " + folder + ". Next:\n"
                + "  edit " + folder.resolve("process-definitions/my-process.yaml") + "\n"
                + "  java -jar playbook.jar serve     (live preview at http://127.0.0.1:8080/)\n"
                + "  java -jar playbook.jar build     (the site, in site/)");
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
