package dev.playbook.testing;

import dev.playbook.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in this JVM and keeps everything it printed, for tests to read. */
public final class Cli {
    private Cli() {
    }

    /** One run: the exit code (-1 if it threw, with the trace in {@code err}) and what it printed. */
    public record Result(int code, String out, String err) {
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /** Runs the command line with streams of its own, so that tests may run side by side. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter outWriter = new PrintWriter(out, true); PrintWriter errWriter = new PrintWriter(err, true)) {
            try {
                code = Main.execute(outWriter, errWriter, args);
            } catch (Throwable t) {
                errWriter.print("THREW ");
                t.printStackTrace(errWriter);
                code = -1;
            }
        }
        return new Result(code, out.toString(), err.toString());
    }
}
