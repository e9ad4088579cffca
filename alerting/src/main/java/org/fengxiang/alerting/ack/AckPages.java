package org.fengxiang.alerting.ack;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.fengxiang.alerting.mail.MailText;

/** The small HTML pages of the acknowledgement endpoint (every inserted value escaped). */
public final class AckPages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);
    private final ZoneId zone;

    public AckPages(ZoneId zone) {
        this.zone = zone;
    }

    /** The form shown by a valid link (GET): acknowledging needs a deliberate POST, so link scanners cannot acknowledge. */
    public String confirm(String token, String alertId, int sequence, Instant expiresAt) {
        return page("确认预警", "确认已知悉预警",
                "<p>预警 <b>" + MailText.html(alertId) + "</b>（第 " + sequence + " 次状态变化）。</p>"
                        + "<p>确认后，该预警（至此次状态变化为止）不再升级通知。链接有效期至 " + MailText.html(time(expiresAt)) + "。</p>"
                        + "<form method=\"post\" action=\"ack\">"
                        + "<input type=\"hidden\" name=\"t\" value=\"" + MailText.html(token) + "\">"
                        + "<label>值班人员 <input name=\"by\" maxlength=\"64\" autocomplete=\"name\"></label> "
                        + "<button type=\"submit\">确认已知悉</button></form>");
    }

    /** The confirmation after acknowledging (or when the alert was acknowledged already). */
    public String acknowledged(Acknowledgement ack, boolean already) {
        String head = already ? "此预警此前已被确认" : "已确认，谢谢";
        return page("预警已确认", head,
                "<p>预警 <b>" + MailText.html(ack.alertId) + "</b>（至第 " + ack.sequence + " 次状态变化）已由 <b>"
                        + MailText.html(ack.acknowledgedBy) + "</b> 于 " + MailText.html(time(Instant.parse(ack.acknowledgedAt)))
                        + " 确认。</p><p>该预警不再发送未确认升级通知；若之后再次升级，新的邮件会带新的确认链接。</p>");
    }

    /** An error page for a refused link. */
    public String refused(AckToken.Status status) {
        return switch (status) {
            case EXPIRED -> page("链接已过期", "链接已过期",
                    "<p>此确认链接已过期。请在风向预警看板中处理该预警，或联系值班负责人。</p>");
            case BAD_SIGNATURE -> page("链接无效", "链接无效",
                    "<p>此确认链接的签名不正确（可能被修改或截断）。请使用预警邮件中的原始链接。</p>");
            default -> page("请求无效", "请求无效", "<p>缺少或无法识别确认参数。请使用预警邮件中的原始链接。</p>");
        };
    }

    /** A plain status page (404, 405, 413, 500). */
    public String plain(String title, String message) {
        return page(title, title, "<p>" + MailText.html(message) + "</p>");
    }

    private String time(Instant t) {
        return TIME.format(t.atZone(zone));
    }

    private static String page(String title, String heading, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + MailText.html(title)
                + " · 风向</title></head>\n<body style=\"font-family:sans-serif;max-width:560px;margin:40px auto;color:#222\">"
                + "<h2>" + MailText.html(heading) + "</h2>\n" + body + "\n<p style=\"color:#888;font-size:12px\">风向 Fengxiang 预警确认</p>"
                + "</body></html>\n";
    }
}
