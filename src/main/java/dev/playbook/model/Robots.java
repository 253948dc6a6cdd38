package dev.playbook.model;

/** Whether search engines may index the site ({@code robots:} in site.yaml); an intranet site says no. */
public enum Robots {
    INDEX, NOINDEX
}
