import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { listAuditEvents } from "@/lib/admin/queries";
import { requireAdmin } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin", "audit");

const compact = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** The audit trail: who changed what, when, with the values before and after. */
export default async function AdminAuditPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const admin = await requireAdmin(locale, `/${locale}/admin/audit`);
  const [events, t, format] = await Promise.all([
    listAuditEvents(admin),
    getTranslations("admin"),
    getFormatter(),
  ]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("audit")}</CardTitle>
        <p className="mt-1 text-xs text-slate-600">{t("auditHint")}</p>
      </CardHeader>
      <Table>
        <thead>
          <tr>
            <TableHead scope="col">{t("when")}</TableHead>
            <TableHead scope="col">{t("who")}</TableHead>
            <TableHead scope="col">{t("what")}</TableHead>
            <TableHead scope="col">{t("before")}</TableHead>
            <TableHead scope="col">{t("after")}</TableHead>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-testid="audit-event">
              <TableCell className="whitespace-nowrap text-xs">
                {format.dateTime(event.createdAt, "dateTime")}
              </TableCell>
              <TableCell className="text-xs">{event.actor ? event.actor.name : t("system")}</TableCell>
              <TableCell className="text-xs">
                {t.has(`auditAction.${event.action}`) ? t(`auditAction.${event.action}`) : event.action}
                <br />
                <span className="text-slate-500">
                  {t.has(`entityType.${event.entityType}`)
                    ? t(`entityType.${event.entityType}`)
                    : event.entityType}{" "}
                  <span className="font-mono">{event.entityId}</span>
                </span>
              </TableCell>
              <TableCell className="max-w-xs break-all font-mono text-xs text-slate-600">
                {compact(event.before)}
              </TableCell>
              <TableCell className="max-w-xs break-all font-mono text-xs text-slate-800">
                {compact(event.after)}
              </TableCell>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
