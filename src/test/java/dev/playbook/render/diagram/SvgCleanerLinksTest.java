package dev.playbook.render.diagram;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Links in a diagram follow the same policy as links in text and resources. */
class SvgCleanerLinksTest {
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
            + " viewBox=\"0 0 10 10\">%s</svg>";

    private static String cleanedLink(String attribute) {
        String clean = new SvgCleaner().clean(SVG.formatted("<a " + attribute + "><rect/></a>"), "p", "T", "D");
        return clean.substring(clean.indexOf("</desc>") + "</desc>".length(), clean.indexOf("</svg>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/", "HTTPS://example.com/a?b=1", "mailto:anna@example.com",
            "tel:+48600000000", "TEL:+48600000000", "stages/qualification.html", "#top"})
    void allowedAddressesStayLinks(String url) {
        String escaped = url.replace("&", "&amp;");
        assertEquals("<a href=\"" + escaped + "\"><rect/></a>", cleanedLink("href=\"" + escaped + "\""));
        assertEquals("<a href=\"" + escaped + "\"><rect/></a>", cleanedLink("xlink:href=\"" + escaped + "\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "&#9;javascript:alert(1)",
            "&#127;javascript:alert(1)", "java&#10;script:alert(1)", "data:image/svg+xml,x", "DATA:text/html,x",
            "vbscript:msgbox(1)", "VBScript:msgbox(1)", "file:///etc/passwd", "FILE:///etc/passwd", ""})
    void refusedAddressesLeaveOnlyWhatTheLinkHeld(String url) {
        assertEquals("<rect/>", cleanedLink("href=\"" + url + "\""));
        assertEquals("<rect/>", cleanedLink("xlink:href=\"" + url + "\""));
    }
}
