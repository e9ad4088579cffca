package org.fengxiang.alerting.mail;

/** A rendered e-mail: header-safe subject, plain-text and HTML bodies. */
public record RenderedMail(String subject, String text, String html) {}
