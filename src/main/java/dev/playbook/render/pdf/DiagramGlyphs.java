package dev.playbook.render.pdf;

import org.apache.batik.gvt.font.GVTFont;
import org.apache.batik.gvt.font.GVTGlyphMetrics;
import org.apache.batik.gvt.font.GVTGlyphVector;
import org.apache.batik.gvt.text.GVTAttributedCharacterIterator;
import org.apache.batik.gvt.text.TextPaintInfo;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphJustificationInfo;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.text.AttributedCharacterIterator;
import java.util.Arrays;

/**
 * A run of a diagram's text laid out in one of the pack's faces: Java's glyphs, placed where
 * Batik puts them. Its bounds follow the glyphs wherever they were moved to, which is where an
 * underline is drawn (a link in a diagram is underlined); Java's own start at zero whatever the
 * glyphs' positions.
 */
final class DiagramGlyphs implements GVTGlyphVector {
    private final GlyphVector glyphs;
    private final GVTFont font;
    private final FontRenderContext frc;
    private final boolean[] visible;

    DiagramGlyphs(GlyphVector glyphs, GVTFont font, FontRenderContext frc) {
        this.glyphs = glyphs;
        this.font = font;
        this.frc = frc;
        this.visible = new boolean[glyphs.getNumGlyphs()];
        Arrays.fill(visible, true);
    }

    @Override
    public void draw(Graphics2D graphics, AttributedCharacterIterator aci) {
        aci.first();
        Object info = aci.getAttribute(GVTAttributedCharacterIterator.TextAttribute.PAINT_INFO);
        if (!(info instanceof TextPaintInfo paint) || !paint.visible) return;
        Shape outline = getOutline();
        if (paint.fillPaint != null) {
            graphics.setPaint(paint.fillPaint);
            graphics.fill(outline);
        }
        if (paint.strokePaint != null && paint.strokeStroke != null) {
            graphics.setStroke(paint.strokeStroke);
            graphics.setPaint(paint.strokePaint);
            graphics.draw(outline);
        }
    }

    @Override
    public Rectangle2D getBounds2D(AttributedCharacterIterator aci) {
        return getOutline().getBounds2D();
    }

    @Override
    public int getCharacterCount(int startGlyphIndex, int endGlyphIndex) {
        // Java makes one glyph of each char, a surrogate pair's second half an invisible one
        return endGlyphIndex - startGlyphIndex + 1;
    }

    @Override
    public GVTFont getFont() {
        return font;
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return frc;
    }

    @Override
    public Rectangle2D getGeometricBounds() {
        return getOutline().getBounds2D();
    }

    @Override
    public Rectangle2D getGlyphCellBounds(int glyphIndex) {
        return glyphs.getGlyphLogicalBounds(glyphIndex).getBounds2D();
    }

    @Override
    public int getGlyphCode(int glyphIndex) {
        return glyphs.getGlyphCode(glyphIndex);
    }

    @Override
    public int[] getGlyphCodes(int beginGlyphIndex, int numEntries, int[] codeReturn) {
        return glyphs.getGlyphCodes(beginGlyphIndex, numEntries, codeReturn);
    }

    @Override
    public GlyphJustificationInfo getGlyphJustificationInfo(int glyphIndex) {
        return glyphs.getGlyphJustificationInfo(glyphIndex);
    }

    @Override
    public Shape getGlyphLogicalBounds(int glyphIndex) {
        return glyphs.getGlyphLogicalBounds(glyphIndex);
    }

    @Override
    public GVTGlyphMetrics getGlyphMetrics(int glyphIndex) {
        Rectangle2D line = glyphs.getFont().getMaxCharBounds(frc);
        return new GVTGlyphMetrics(glyphs.getGlyphMetrics(glyphIndex), (float) line.getHeight());
    }

    @Override
    public Shape getGlyphOutline(int glyphIndex) {
        return glyphs.getGlyphOutline(glyphIndex);
    }

    @Override
    public Point2D getGlyphPosition(int glyphIndex) {
        return glyphs.getGlyphPosition(glyphIndex);
    }

    @Override
    public float[] getGlyphPositions(int beginGlyphIndex, int numEntries, float[] positionReturn) {
        return glyphs.getGlyphPositions(beginGlyphIndex, numEntries, positionReturn);
    }

    @Override
    public AffineTransform getGlyphTransform(int glyphIndex) {
        return glyphs.getGlyphTransform(glyphIndex);
    }

    @Override
    public Shape getGlyphVisualBounds(int glyphIndex) {
        return glyphs.getGlyphVisualBounds(glyphIndex);
    }

    @Override
    public Rectangle2D getLogicalBounds() {
        int count = glyphs.getNumGlyphs();
        if (count == 0) {
            Point2D at = glyphs.getGlyphPosition(0);
            return new Rectangle2D.Double(at.getX(), at.getY(), 0, 0);
        }
        Rectangle2D bounds = glyphs.getGlyphLogicalBounds(0).getBounds2D();
        for (int i = 1; i < count; i++) bounds.add(glyphs.getGlyphLogicalBounds(i).getBounds2D());
        return bounds;
    }

    @Override
    public int getNumGlyphs() {
        return glyphs.getNumGlyphs();
    }

    @Override
    public Shape getOutline() {
        boolean all = true;
        for (boolean shown : visible) all &= shown;
        if (all) return glyphs.getOutline();
        GeneralPath outline = new GeneralPath();
        for (int i = 0; i < visible.length; i++) {
            if (visible[i]) outline.append(glyphs.getGlyphOutline(i), false);
        }
        return outline;
    }

    @Override
    public Shape getOutline(float x, float y) {
        return AffineTransform.getTranslateInstance(x, y).createTransformedShape(getOutline());
    }

    @Override
    public void performDefaultLayout() {
        glyphs.performDefaultLayout();
    }

    @Override
    public void setGlyphPosition(int glyphIndex, Point2D newPos) {
        // the position after the last glyph is where the run ends, which Java keeps too
        glyphs.setGlyphPosition(glyphIndex, newPos);
    }

    @Override
    public void setGlyphTransform(int glyphIndex, AffineTransform newTX) {
        glyphs.setGlyphTransform(glyphIndex, newTX);
    }

    @Override
    public void setGlyphVisible(int glyphIndex, boolean shown) {
        visible[glyphIndex] = shown;
    }

    @Override
    public boolean isGlyphVisible(int glyphIndex) {
        return visible[glyphIndex];
    }

    @Override
    public boolean isReversed() {
        return false;
    }

    @Override
    public void maybeReverse(boolean mirror) {
        // not reversed, as in openhtmltopdf's own adapter: the tool's languages run left to right
    }
}
