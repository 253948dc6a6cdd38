package dev.playbook.model;

import java.util.Locale;

/** The languages the site's own words come in. */
public enum Language {
    EN, PL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Language fromCode(String code) {
        for (Language l : values()) {
            if (l.code().equals(code)) return l;
        }
        return null;
    }
}
