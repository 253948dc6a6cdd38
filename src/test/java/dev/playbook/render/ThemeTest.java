package dev.playbook.render;

import dev.playbook.model.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ThemeTest {
    @Test
    void theWordsAreReadOnceAndAChangedThemeIsANewTheme(@TempDir Path folder) throws Exception {
        Path words = folder.resolve("messages_en.properties");
        Files.writeString(words, "nav.home=Start\n", StandardCharsets.UTF_8);
        Theme theme = new Theme(folder);
        Map<Language, Messages> first = theme.messages();
        assertEquals("Start", first.get(Language.EN).get("nav.home"));

        Files.writeString(words, "nav.home=Begin\n", StandardCharsets.UTF_8);
        assertSame(first, theme.messages(), "the words were read again");
        assertEquals("Begin", new Theme(folder).messages().get(Language.EN).get("nav.home"));
    }

    @Test
    void aFailedReadIsNotRemembered(@TempDir Path folder) throws Exception {
        Path words = folder.resolve("messages_en.properties");
        Files.writeString(words, "nav.home=Start \\u12\n", StandardCharsets.UTF_8);
        Theme theme = new Theme(folder);
        assertThrows(TemplateMistake.class, theme::messages);

        Files.writeString(words, "nav.home=Start\n", StandardCharsets.UTF_8);
        assertEquals("Start", theme.messages().get(Language.EN).get("nav.home"));
    }
}
