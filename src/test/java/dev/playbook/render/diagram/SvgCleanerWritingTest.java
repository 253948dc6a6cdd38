package dev.playbook.render.diagram;

import dev.playbook.render.SafeXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cleaner writes its tree out itself, byte for byte as the JDK's serializer would. */
class SvgCleanerWritingTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private final SvgCleaner cleaner = new SvgCleaner();

    private void assertWrittenAsTheJdkWrites(Document doc) throws Exception {
        assertEquals(cleaner.serializeWithTransformer(doc), cleaner.serialize(doc));
    }

    @Test
    void drawnDiagramsComeOutAsTheJdkWritesThem() throws Exception {
        PlantUmlEngine engine = new PlantUmlEngine();
        List<String> sources = List.of(
                "start\n:[[stages/a.html Zażółć gęślą jaźń & <co> \"dalej\"]];\nif (OK?) then (tak)\n:Done 😀;\nendif\nstop",
                "|Seller|\nstart\n:[[https://example.com/?a=1&b=2 Call]];\n|Buyer|\n:Sign;\nstop",
                "Alice -> Bob : hello\nnote right: a note\\nwith two lines");
        for (String source : sources) {
            DiagramResult drawn = engine.draw(source);
            assertFalse(drawn.failed(), drawn::toString);
            String clean = cleaner.clean(drawn.svg(), "p", "A title & more", "A description");
            assertWrittenAsTheJdkWrites(SafeXml.parse(clean));
            assertEquals(clean, cleaner.serialize(SafeXml.parse(clean)), "cleaning again changes nothing");
        }
    }

    @Test
    void labelsGoFirstInTheRootWhateverItsStartTagHolds() throws Exception {
        String open = "<svg xmlns=\"" + SVG_NS + "\" data-a=\"x>y\" data-b='\"z>' aria-labelledby=\"p-title p-desc\"";
        for (String drawing : List.of(open + "><g/></svg>", open + "/>")) {
            String labelled = SvgCleaner.labelled(drawing, "p", "Flowchart: <New> & \"better\"", "Stages\u0001 in order");
            Element root = SafeXml.parse(labelled).getDocumentElement();
            assertEquals("x>y", root.getAttribute("data-a"));
            assertEquals("\"z>", root.getAttribute("data-b"));
            Element title = (Element) root.getFirstChild();
            Element desc = (Element) title.getNextSibling();
            assertEquals("title", title.getLocalName());
            assertEquals("p-title", title.getAttribute("id"));
            assertEquals("Flowchart: <New> & \"better\"", title.getTextContent());
            assertEquals("p-desc", desc.getAttribute("id"));
            assertEquals("Stages in order", desc.getTextContent(), "a control character XML forbids is dropped");
            assertEquals(drawing.endsWith("/>") ? null : "g", desc.getNextSibling() == null ? null : desc.getNextSibling().getLocalName());
        }
    }

    @Test
    void everyEscapeComesOutAsTheJdkWritesIt() throws Exception {
        Document doc = SafeXml.parse("<svg xmlns=\"" + SVG_NS + "\" viewBox=\"0 0 1 1\"><text/><g></g></svg>");
        Element text = (Element) doc.getDocumentElement().getFirstChild();
        String awkward = "a&b<c>d\"e'f\rg\nh\ti\u007f\u0080\u0085\u009f\u00a0\u2028\u2029\ud83d\ude00 ]]> end";
        text.setAttribute("data", awkward);
        text.setTextContent(awkward);
        doc.getDocumentElement().appendChild(doc.createElementNS(SVG_NS, "title"));
        doc.getDocumentElement().appendChild(doc.createCDATASection("x]]>y"));
        String written = cleaner.serialize(doc);
        assertTrue(written.contains("<g/>"), written);
        assertTrue(written.contains("&#128512;") && written.contains("&#133;"), written);
        assertWrittenAsTheJdkWrites(doc);
    }

    @Test
    void aPrefixedNameIsLeftToTheJdkWhichDeclaresItsNamespace() throws Exception {
        Document doc = SafeXml.parse("<svg xmlns=\"" + SVG_NS + "\"><g/></svg>");
        doc.getDocumentElement().getFirstChild().appendChild(doc.createElementNS("http://example.com/x", "y:z"));
        String written = cleaner.serialize(doc);
        assertTrue(written.contains("xmlns:y=\"http://example.com/x\""), written);
        assertWrittenAsTheJdkWrites(doc);
    }
}
