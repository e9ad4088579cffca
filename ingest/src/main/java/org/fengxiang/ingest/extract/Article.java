package org.fengxiang.ingest.extract;

/** An extracted article: title, author, publish time (ISO-8601 with offset) and body text (paragraphs separated by newlines). */
public record Article(String title, String author, String publishedAt, String text) {}
