package dev.playbook.crm;

import java.nio.charset.StandardCharsets;

/**
 * One file of an export.
 *
 * @param path where it goes, relative to the output folder, with {@code /} between folders
 * @param onlyIfAbsent a file the user's project may already have its own of (Salesforce's
 *                     {@code sfdx-project.json}): written where there is none, else left alone
 */
public record ExportFile(String path, byte[] content, boolean onlyIfAbsent) {

    public static ExportFile text(String path, String text) {
        return new ExportFile(path, text.getBytes(StandardCharsets.UTF_8), false);
    }
}
