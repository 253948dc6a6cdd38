package dev.playbook.model;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Execution(ExecutionMode.CONCURRENT)
class LinkPolicyTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://example.com/a?b=1&c=2       | http://example.com/a?b=1&c=2",
            "HTTPS://example.com/żółw           | HTTPS://example.com/żółw",
            "mailto:anna@example.com            | mailto:anna@example.com",
            "MailTo:anna@example.com            | MailTo:anna@example.com",
            "'tel:+48 600 000 000'              | tel:+48%20600%20000%20000",
            "TEL:+48600000000                   | TEL:+48600000000",
            "stages/qualification.html#tasks    | stages/qualification.html#tasks",
            "../other/index.html                | ../other/index.html",
            "'my file \"draft\".pdf'            | my%20file%20%22draft%22.pdf",
            "#top                               | #top",
            "'  https://example.com/  '         | https://example.com/",
            "stages/a:b.html                    | stages/a:b.html",
            "https://example.com/100%25         | https://example.com/100%25",
    })
    void allowedAddressesComeOutReadyForAnHref(String url, String href) {
        assertTrue(LinkPolicy.allows(url), url);
        assertNull(LinkPolicy.refusedScheme(url), url);
        assertEquals(href, LinkPolicy.href(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "javascript:alert(1)             | javascript",
            "JaVaScRiPt:alert(1)             | JaVaScRiPt",
            "'  javascript:alert(1)'         | javascript",
            "data:text/html;base64,PHNjcmlwdD4= | data",
            "DATA:image/svg+xml,<svg/>       | DATA",
            "vbscript:msgbox(1)              | vbscript",
            "VBScript:msgbox(1)              | VBScript",
            "file:///etc/passwd              | file",
            "File:///C:/Windows              | File",
            "a:b.html                        | a",
    })
    void otherSchemesAreRefusedWithTheirName(String url, String scheme) {
        assertFalse(LinkPolicy.allows(url), url);
        assertEquals(scheme, LinkPolicy.refusedScheme(url));
        assertNull(LinkPolicy.href(url));
    }

    /** Browsers drop these before reading the scheme, so the policy does too. */
    @ParameterizedTest
    @ValueSource(strings = {"\tjavascript:x", "\u0001javascript:x", "\u0000javascript:x", "java\tscript:x",
            "java\nscript:x", "java\rscript:x", "\u00a0javascript:x", "\u001fdata:text/html,x", " \u000bvbscript:x",
            "fi\u0000le:///etc/passwd"})
    void blanksAndControlCharactersDoNotHideAScheme(String url) {
        assertFalse(LinkPolicy.allows(url), url);
        assertNull(LinkPolicy.href(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void anEmptyAddressIsNoLink(String url) {
        assertFalse(LinkPolicy.allows(url));
        assertNull(LinkPolicy.href(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'a b' | a%20b", "a\u0085b | a%C2%85b", "'<>`{}|^' | %3C%3E%60%7B%7D%7C%5E"})
    void unsafeCharactersArePercentEncodedAsUtf8(String url, String encoded) {
        assertEquals(encoded, LinkPolicy.encodeUnsafe(url));
    }
}
