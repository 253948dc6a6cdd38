package dev.playbook.crm.starter;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a CRM file whole, refusing what is too large to be one. */
public final class InputFiles {
    /** A retrieved value set or a pipelines response is kilobytes; a file this large is a mistake. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private InputFiles() {
    }

    public static byte[] read(Path path, String shown) throws BadInputException {
        try {
            if (!Files.isRegularFile(path)) {
                throw new BadInputException(shown, 0, Files.exists(path) ? "not a regular file" : "no such file or folder");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new BadInputException(shown, 0, "the file is " + (size / 1024 / 1024) + " MB; a CRM export to import "
                        + "is at most " + (MAX_BYTES / 1024 / 1024) + " MB");
            }
            if (size == 0) throw new BadInputException(shown, 0, "the file is empty");
            return Files.readAllBytes(path);
        } catch (AccessDeniedException e) {
            throw new BadInputException(shown, 0, "cannot read the file: permission denied");
        } catch (NoSuchFileException e) {
            throw new BadInputException(shown, 0, "no such file");
        } catch (IOException e) {
            throw new BadInputException(shown, 0, "cannot read the file: " + e.getMessage());
        }
    }
}
