package dev.playbook.load;

import dev.playbook.load.Definitions.PlaybookDefinition;
import dev.playbook.load.Definitions.SiteDefinition;

import java.util.List;

/** Every definition file of a source folder, as read. */
public record LoadedDefinitions(SiteDefinition site, List<PlaybookDefinition> playbooks) {
    public LoadedDefinitions {
        playbooks = List.copyOf(playbooks);
    }
}
