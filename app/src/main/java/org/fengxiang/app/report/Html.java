package org.fengxiang.app.report;

import org.fengxiang.core.Alert;

/** HTML escaping and small labels. */
final class Html {
    private Html() {}

    /** Escapes text for HTML element content and attribute values (the e-mails' escaping). */
    static String esc(String s) {
        return org.fengxiang.alerting.mail.MailText.html(s);
    }

    /** The Chinese name of a grade: 红色(Ⅰ级) … 蓝色(Ⅳ级). */
    static String levelName(String level) {
        if (level == null) return "无";
        return switch (level) {
            case Alert.RED -> "红色 Ⅰ级";
            case Alert.ORANGE -> "橙色 Ⅱ级";
            case Alert.YELLOW -> "黄色 Ⅲ级";
            case Alert.BLUE -> "蓝色 Ⅳ级";
            default -> level;
        };
    }
}
