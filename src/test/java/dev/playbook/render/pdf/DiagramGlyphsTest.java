package dev.playbook.render.pdf;

import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagramGlyphsTest {
    private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);

    private static Font sans() throws Exception {
        try (InputStream in = DiagramGlyphsTest.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(12f);
        }
    }

    @Test
    void theBoundsFollowTheGlyphsWhereverTheyAreMoved() throws Exception {
        Font font = sans();
        GlyphVector java = font.createGlyphVector(FRC, "Prospecting");
        DiagramGlyphs glyphs = new DiagramGlyphs(font.createGlyphVector(FRC, "Prospecting"), new DiagramFont(font, "DejaVu Sans"), FRC);
        double width = java.getLogicalBounds().getWidth();
        // where Batik puts a link's text: its underline is drawn along these bounds
        for (int i = 0; i <= glyphs.getNumGlyphs(); i++) {
            Point2D at = glyphs.getGlyphPosition(i);
            glyphs.setGlyphPosition(i, new Point2D.Double(at.getX() + 200, at.getY() + 40));
            java.setGlyphPosition(i, new Point2D.Double(at.getX() + 200, at.getY() + 40));
        }
        Rectangle2D bounds = glyphs.getLogicalBounds();
        assertEquals(200, bounds.getMinX(), 0.01);
        assertEquals(200 + width, bounds.getMaxX(), 0.01);
        assertTrue(bounds.getMinY() < 40 && bounds.getMaxY() > 40, bounds::toString);
        assertEquals(0, java.getLogicalBounds().getMinX(), 0.01, "Java's own bounds, which this class is for, start at 0");
        assertEquals(glyphs.getOutline().getBounds2D(), java.getOutline().getBounds2D());
    }

    @Test
    void hiddenGlyphsAreLeftOutOfTheOutline() throws Exception {
        Font font = sans();
        DiagramGlyphs glyphs = new DiagramGlyphs(font.createGlyphVector(FRC, "AB"), new DiagramFont(font, "DejaVu Sans"), FRC);
        Rectangle2D both = glyphs.getOutline().getBounds2D();
        glyphs.setGlyphVisible(1, false);
        Rectangle2D first = glyphs.getOutline().getBounds2D();
        assertTrue(first.getMaxX() < both.getMaxX(), first + " " + both);
        assertEquals(glyphs.getGlyphOutline(0).getBounds2D(), first);
    }
}
