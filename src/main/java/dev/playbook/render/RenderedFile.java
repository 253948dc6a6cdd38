package dev.playbook.render;

/** One file of the finished site: its path inside the site and its bytes. */
public record RenderedFile(String path, byte[] content) {
}
