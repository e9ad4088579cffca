package org.fengxiang.alerting.mail;

import java.util.ArrayList;
import java.util.List;

/** A neutral document model (headed sections of lines with optional links) rendered to text and HTML alike. */
final class MailSections {
    /** One line: untrusted text plus an optional link. */
    record Line(String text, String url) {}

    /** A headed section. */
    record Section(String title, List<Line> lines) {}

    final List<Section> sections = new ArrayList<>();

    Section add(String title) {
        Section s = new Section(title, new ArrayList<>());
        sections.add(s);
        return s;
    }

    String toText() {
        StringBuilder b = new StringBuilder();
        for (Section s : sections) {
            b.append(s.title()).append('\n');
            for (Line l : s.lines()) {
                b.append("  - ").append(MailText.plain(l.text()).replace("\n", "\n    "));
                if (l.url() != null) b.append("\n    ").append(l.url());
                b.append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    String toHtml() {
        StringBuilder b = new StringBuilder();
        for (Section s : sections) {
            b.append("<h3 style=\"margin:18px 0 6px;font-size:15px;color:#333\">").append(MailText.html(s.title()))
                    .append("</h3>\n<ul style=\"margin:0;padding-left:20px\">\n");
            for (Line l : s.lines()) {
                String text = MailText.html(l.text()).replace("\n", "<br>");
                b.append("<li style=\"margin:3px 0\">");
                if (l.url() != null) {
                    b.append(text).append(" <a href=\"").append(MailText.html(l.url())).append("\">")
                            .append(MailText.html(MailText.shorten(l.url(), 80))).append("</a>");
                } else {
                    b.append(text);
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n");
        }
        return b.toString();
    }
}
