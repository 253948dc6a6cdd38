package dev.playbook.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class DiagramIdsOnPageTest {
    private static String drawing(String id) {
        return "<figure class=\"diagram\"><svg aria-labelledby=\"" + id + "-title " + id + "-desc\" role=\"img\">"
                + "<title id=\"" + id + "-title\">Diagram</title><desc id=\"" + id + "-desc\">start</desc><g/></svg></figure>";
    }

    @Test
    void eachFurtherShowingOfADiagramOnOnePageIsNumbered() {
        DiagramIdsOnPage page = new DiagramIdsOnPage();
        String a = drawing("d0123456789ab");
        String b = drawing("dba9876543210");
        String first = "<p>One</p>" + a + b;
        assertSame(first, page.unique(first), "the first showing of each stays as it is");
        assertEquals("<p>Again</p>" + drawing("d0123456789ab-2") + a.replace("d0123456789ab", "d0123456789ab-3"),
                page.unique("<p>Again</p>" + a + a));
        assertEquals(drawing("dba9876543210-2"), page.unique(b));
    }

    @Test
    void pagesDoNotShareWhatTheyHaveShown() {
        String a = drawing("d0123456789ab");
        new DiagramIdsOnPage().unique(a);
        assertSame(a, new DiagramIdsOnPage().unique(a));
    }

    @Test
    void textWithoutDiagramsIsLeftAlone() {
        String text = "<p>aria-labelledby=\"d is only text here</p>";
        assertSame(text, new DiagramIdsOnPage().unique(text));
    }
}
