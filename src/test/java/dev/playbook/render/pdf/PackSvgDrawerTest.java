package dev.playbook.render.pdf;

import dev.playbook.render.RenderException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class PackSvgDrawerTest {

    @Test
    void theDiagramsOfAPackAskThePacksFacesNotTheMachines() throws RenderException {
        DiagramFaces faces = new PackFonts().diagramFaces();
        PackSvgDrawer drawer = new PackSvgDrawer(faces);
        // what the renderer does before it draws a document's diagrams, here one without font-face rules
        drawer.importFontFaceRules(List.of(), null);
        assertNotNull(drawer.fontResolver.resolve("sans-serif"));
        assertSame(faces.family("sans-serif"), drawer.fontResolver.resolve("sans-serif"));
        assertSame(faces.family("monospace"), drawer.fontResolver.resolve("monospace"));
        assertSame(faces.family("sans-serif"), drawer.fontResolver.resolve("Comic Sans MS"));
    }

    @Test
    void everyPackOfABuildSharesTheFacesMadeOnce() throws RenderException {
        PackFonts fonts = new PackFonts();
        assertSame(fonts.diagramFaces(), fonts.diagramFaces());
        assertSame(fonts.diagramFaces().family("sans-serif"), fonts.diagramFaces().family("DejaVu Sans"));
    }
}
