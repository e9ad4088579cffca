package org.fengxiang.app.report;


/** HTML escaping and small labels. */
final class Html {
    private Html() {}

    /** Escapes text for HTML element content and attribute values (the e-mails' escaping). */
    static String esc(String s) {
        return org.fengxiang.alerting.mail.MailText.html(s);
    }

    /** The Chinese name of a grade: 红色 Ⅰ级 … 蓝色 Ⅳ级 (the e-mails' labels). */
    static String levelName(String level) {
        return org.fengxiang.alerting.mail.MailText.levelLabel(level);
    }
}
