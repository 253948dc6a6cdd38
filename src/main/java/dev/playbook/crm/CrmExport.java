package dev.playbook.crm;

import dev.playbook.diagnostics.Diagnostics;

import java.util.List;

/** Turns playbooks into the configuration files of one CRM. */
public interface CrmExport {

    /**
     * The files for these playbooks. Problems go to {@code diagnostics} with the place in the
     * definitions they concern; with an error among them, the files must not be written.
     */
    List<ExportFile> export(List<CrmPlaybook> playbooks, ExportSettings settings, Diagnostics diagnostics);
}
