package dev.playbook.render.pdf;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.PDFTranscoder;
import org.apache.batik.gvt.font.GVTFontFamily;

import java.util.List;

/**
 * Draws a pack's diagrams with Batik, its scripts and external resources refused, and their text
 * in the pack's own faces. The renderer gives an SVG drawer only the fonts it was handed as files,
 * never those handed as bytes, so without this the diagrams' text was set in the machine's fonts.
 */
final class PackSvgDrawer extends BatikSVGDrawer {
    private final DiagramFaces faces;

    PackSvgDrawer(DiagramFaces faces) {
        super(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE);
        this.faces = faces;
    }

    @Override
    public void importFontFaceRules(List<FontFaceRule> fontFaces, SharedContext shared) {
        // as the base class does, with a resolver that knows the pack's faces
        PDFTranscoder.OpenHtmlFontResolver resolver = new FacesResolver(faces);
        resolver.importFontFaces(fontFaces, shared);
        this.fontResolver = resolver;
    }

    /** Families from the document's own font-face rules first, then the pack's faces. */
    private static final class FacesResolver extends PDFTranscoder.OpenHtmlFontResolver {
        private final DiagramFaces faces;

        FacesResolver(DiagramFaces faces) {
            this.faces = faces;
        }

        @Override
        public GVTFontFamily resolve(String family) {
            GVTFontFamily own = super.resolve(family);
            return own != null ? own : faces.family(family);
        }
    }
}
