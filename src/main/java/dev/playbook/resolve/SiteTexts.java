package dev.playbook.resolve;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.load.Definitions.LanguageText;
import dev.playbook.model.Language;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A setting of {@code site.yaml} written once for every page, or once per language: each page
 * gets its own language's text, else the site language's, else {@code fallback} (a built-in
 * default in the page's language, or none).
 */
final class SiteTexts {
    private SiteTexts() {
    }

    /**
     * @param single the text written once for all languages, or null
     * @param perLanguage the texts written per language (empty when written once)
     * @param fallback the text for a language that has none, or null for none
     */
    static <T> Map<Language, T> byLanguage(String key, T single, List<LanguageText<T>> perLanguage, Language siteLanguage,
                                           Function<Language, T> fallback, Diagnostics diagnostics) {
        Map<Language, T> given = new EnumMap<>(Language.class);
        for (LanguageText<T> text : perLanguage) {
            Language language = Language.fromCode(text.language().value());
            if (language == null) {
                diagnostics.error(text.language().at(), "`" + key + "` has a text for `" + text.language().value()
                        + "`, which is not a language of the site; use `en` or `pl`");
            } else {
                given.put(language, text.text());
            }
        }
        Map<Language, T> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            T text = single != null ? single : given.getOrDefault(language, given.get(siteLanguage));
            if (text == null) text = fallback.apply(language);
            if (text != null) texts.put(language, text);
        }
        return texts;
    }
}
