package dev.playbook.model;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlugsTest {

    @Test
    void polishAndOtherLettersLoseTheirAccentsAndEverythingElseBecomesOneHyphen() {
        assertEquals("zaplanuj-prezentacje", Slugs.slug("Zaplanuj prezentację"));
        assertEquals("zolta-lodz-strasse-aero", Slugs.slug("  Żółta łódź — Straße, Æro!  "));
        assertEquals("", Slugs.slug("— ? —"));
        String long64 = "a".repeat(62) + " b";
        assertEquals("a".repeat(62), Slugs.slug(long64), "cut to 63 characters, without a hyphen at the end");
    }

    /** The slug as it was made with regular expressions: the loop must give the very same ids. */
    private static String byExpressions(String title) {
        String text = title.toLowerCase(Locale.ROOT)
                .replace('ł', 'l').replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("đ", "d");
        text = Pattern.compile("\\p{M}+").matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        text = text.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (text.length() > 63) text = text.substring(0, 63).replaceAll("-+$", "");
        return text;
    }

    @Test
    void givesTheSameIdsAsTheRegularExpressionsItReplaced() {
        List<String> titles = new ArrayList<>(List.of("Zadzwoń do klienta", "İstanbul ofisi", "Ǆungla", "e\u0301te\u0301",
                "x\uD834\uDD65y", "--a--b--", "Ŀaura", "ﬁnal offer", "Ａｂｃ", "١٢٣ numbers", "🙂 smile 🙂"));
        String alphabet = "aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄĆĘŁŃÓŚŹŻ0123456789 -_.,:;!?()/\\\"'ßæøđé\u0301\u0308🙂—–";
        Random random = new Random(17);
        for (int n = 0; n < 5000; n++) {
            StringBuilder title = new StringBuilder();
            int length = random.nextInt(90);
            for (int i = 0; i < length; i++) title.appendCodePoint(alphabet.codePoints().skip(random.nextInt(
                    (int) alphabet.codePoints().count())).findFirst().orElseThrow());
            titles.add(title.toString());
        }
        for (String title : titles) assertEquals(byExpressions(title), Slugs.slug(title), title);
    }
}
