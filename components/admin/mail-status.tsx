import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { mailServerHost } from "@/lib/notifications/delivery-log";
import { mailSettings } from "@/lib/notifications/mail-settings";

/** Whether e-mail is on, as the admin pages say it: the server and sender, or how to turn it on. */
export async function MailStatus() {
  const t = await getTranslations("deliveries");
  const mail = mailSettings();
  return mail ? (
    <p className="text-sm text-slate-700">
      {t("mailOn", { host: mailServerHost(mail.url), from: mail.from })}
    </p>
  ) : (
    <Alert data-testid="mail-off">{t("mailOff")}</Alert>
  );
}
