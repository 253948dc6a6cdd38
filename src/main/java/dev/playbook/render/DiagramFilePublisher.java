package dev.playbook.render;

import dev.playbook.render.diagram.PlaybookDiagrams;
import dev.playbook.plan.SitePaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Each playbook's diagrams as files of their own, SVG and PlantUML source, for slides and wikis. */
public final class DiagramFilePublisher implements Publisher {

    @Override
    public void publish(PlaybookOutput playbook, FileSink sink) throws IOException {
        String id = playbook.playbook().id();
        PlaybookDiagrams d = playbook.diagrams();
        sink.accept(text(SitePaths.diagramFile(id, "flow.puml"), d.flowSource()));
        // a diagram left out has no picture file: its pages say so instead
        if (d.flowSvg() != null) sink.accept(text(SitePaths.diagramFile(id, "flow.svg"), standalone(d.flowSvg())));
        if (d.rolesSource() != null) {
            sink.accept(text(SitePaths.diagramFile(id, "roles.puml"), d.rolesSource()));
            if (d.rolesSvg() != null) sink.accept(text(SitePaths.diagramFile(id, "roles.svg"), standalone(d.rolesSvg())));
        }
    }

    private static RenderedFile text(String path, String content) {
        return new RenderedFile(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** An SVG file of its own: as embedded, plus the XML declaration viewers expect. */
    private static String standalone(String svg) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n";
    }
}
