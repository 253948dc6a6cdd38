package dev.playbook.render.pdf;

import org.apache.batik.gvt.font.GVTFont;
import org.apache.batik.gvt.font.GVTGlyphVector;
import org.apache.batik.gvt.font.GVTLineMetrics;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.text.CharacterIterator;

/**
 * One of the pack's faces at one size, as Batik draws text with it: a Java font and nothing
 * shared. Batik's own adapter keeps its glyphs in a cache for the whole process, unguarded.
 */
final class DiagramFont implements GVTFont {
    private final Font font;
    private final String family;

    DiagramFont(Font font, String family) {
        this.font = font;
        this.family = family;
    }

    @Override
    public boolean canDisplay(char c) {
        return font.canDisplay(c);
    }

    @Override
    public int canDisplayUpTo(char[] text, int start, int limit) {
        return font.canDisplayUpTo(text, start, limit);
    }

    @Override
    public int canDisplayUpTo(CharacterIterator iter, int start, int limit) {
        return font.canDisplayUpTo(iter, start, limit);
    }

    @Override
    public int canDisplayUpTo(String str) {
        return font.canDisplayUpTo(str);
    }

    @Override
    public GVTGlyphVector createGlyphVector(FontRenderContext frc, char[] chars) {
        return new DiagramGlyphs(font.createGlyphVector(frc, chars), this, frc);
    }

    @Override
    public GVTGlyphVector createGlyphVector(FontRenderContext frc, CharacterIterator ci) {
        return new DiagramGlyphs(font.createGlyphVector(frc, ci), this, frc);
    }

    @Override
    public GVTGlyphVector createGlyphVector(FontRenderContext frc, int[] glyphCodes, CharacterIterator ci) {
        return new DiagramGlyphs(font.createGlyphVector(frc, glyphCodes), this, frc);
    }

    @Override
    public GVTGlyphVector createGlyphVector(FontRenderContext frc, String str) {
        return new DiagramGlyphs(font.createGlyphVector(frc, str), this, frc);
    }

    @Override
    public GVTFont deriveFont(float size) {
        return new DiagramFont(font.deriveFont(size), family);
    }

    @Override
    public String getFamilyName() {
        return family;
    }

    @Override
    public GVTLineMetrics getLineMetrics(char[] chars, int beginIndex, int limit, FontRenderContext frc) {
        return new GVTLineMetrics(font.getLineMetrics(chars, beginIndex, limit, frc));
    }

    @Override
    public GVTLineMetrics getLineMetrics(CharacterIterator ci, int beginIndex, int limit, FontRenderContext frc) {
        return new GVTLineMetrics(font.getLineMetrics(ci, beginIndex, limit, frc));
    }

    @Override
    public GVTLineMetrics getLineMetrics(String str, FontRenderContext frc) {
        return new GVTLineMetrics(font.getLineMetrics(str, frc));
    }

    @Override
    public GVTLineMetrics getLineMetrics(String str, int beginIndex, int limit, FontRenderContext frc) {
        return new GVTLineMetrics(font.getLineMetrics(str, beginIndex, limit, frc));
    }

    @Override
    public float getSize() {
        return font.getSize2D();
    }

    @Override
    public float getVKern(int glyphCode1, int glyphCode2) {
        return 0;
    }

    @Override
    public float getHKern(int glyphCode1, int glyphCode2) {
        return 0;
    }

    @Override
    public String toString() {
        return family + " " + font.getSize2D();
    }
}
