package dev.playbook.render;

import dev.playbook.model.Language;
import freemarker.template.SimpleHash;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The site's own words in one language; a missing key shows up as itself so it is easy to spot. */
public final class Messages {
    private final Language language;
    private final Map<String, String> texts;
    private final TemplateHashModelEx forTemplates;

    Messages(Language language, Map<String, String> texts) {
        this.language = language;
        // looked up on every page many times: hashed, but listed in key order
        this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(texts)));
        // wrapped for the templates once, rather than each word again at each use on every page;
        // every value is already a template model, so the hash is only ever read, by any thread
        Map<String, TemplateModel> wrapped = new LinkedHashMap<>();
        this.texts.forEach((key, text) -> wrapped.put(key, new SimpleScalar(text)));
        this.forTemplates = new SimpleHash(wrapped, null);
    }

    public Language language() {
        return language;
    }

    public Map<String, String> asMap() {
        return texts;
    }

    /** The words as the templates see them ({@code msg['key']}). */
    public TemplateHashModelEx forTemplates() {
        return forTemplates;
    }

    public String get(String key) {
        return texts.getOrDefault(key, key);
    }

    /** "1 stage", "3 stages"; in Polish "1 etap", "3 etapy", "5 etapów", from {@code plural.<word>.<category>}. */
    public String plural(String word, long n) {
        String category = category(n);
        String pattern = texts.get("plural." + word + "." + category);
        if (pattern == null) pattern = texts.get("plural." + word + ".other");
        if (pattern == null) pattern = texts.get("plural." + word + ".many");
        if (pattern == null) return n + " " + word;
        return pattern.replace("{0}", Long.toString(n));
    }

    /** The CLDR plural category of a whole number in this language. */
    private String category(long n) {
        if (language == Language.PL) {
            if (n == 1) return "one";
            long tens = n % 100;
            long ones = n % 10;
            return ones >= 2 && ones <= 4 && (tens < 12 || tens > 14) ? "few" : "many";
        }
        return n == 1 ? "one" : "other";
    }
}
