package dev.playbook.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code playbook} command line. */
@Command(name = "playbook",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Publishes a sales process, written as YAML playbooks, as a static website.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, DiffCommand.class, InitCommand.class,
                ExportCommand.class, ImportCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success (warnings allowed)",
                "1:errors in the definitions or templates",
                "2:bad usage, or a failure outside the definitions"})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int DEFINITION_ERRORS = 1;
    public static final int USAGE_OR_FAILURE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command: build, check, serve, diff, init, export or import");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; never lets a stack trace reach the user. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** The same, printing to the given streams rather than the console's. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        // FreeMarker would otherwise pick a logging library on its own and may print to the console
        System.setProperty("org.freemarker.loggerLibrary", "none");
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("playbook: internal error: " + e
                    + (System.getenv("PLAYBOOK_DEBUG") == null ? " (set PLAYBOOK_DEBUG=1 for details; please report it)" : ""));
            if (System.getenv("PLAYBOOK_DEBUG") != null) e.printStackTrace(commandLine.getErr());
            return USAGE_OR_FAILURE;
        });
        return cli.execute(args);
    }
}
