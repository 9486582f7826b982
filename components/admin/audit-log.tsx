import { getFormatter, getTranslations } from "next-intl/server";
import { Button, buttonVariants } from "@/components/ui/button";
import { ChoiceSelect, Input, Label } from "@/components/ui/input";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { AuditChange, AuditLogFilters, AuditLogPage } from "@/lib/audit/log";
import { withMentionNames } from "@/lib/comments/mentions";
import { toShanghaiDateString } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The audit log: its filters (a GET form, so that a view can be linked), the events, the pages. */
/** Fields that hold an agency's id or code: shown as its name. */
const AGENCY_FIELDS = new Set([
  "leadAgency",
  "agency",
  "agencyId",
  "leadAgencyId",
  "suggestedAgencyId",
  "toAgencyId",
]);
/** Fields that hold a user's id, besides those named "…ById": shown as their name. */
const USER_FIELDS = new Set(["userId", "authorUserId", "authorId"]);
/** Fields that hold a stage of the handling cycle. */
const STAGE_FIELDS = new Set(["stage", "fromStage", "toStage"]);

export async function AuditLog({ log, filters }: { log: AuditLogPage; filters: AuditLogFilters }) {
  const t = await getTranslations("admin");
  const tStatus = await getTranslations("status");
  const tKind = await getTranslations("evidenceKind");
  const tReplyClass = await getTranslations("replyClass");
  const tSatisfaction = await getTranslations("satisfaction");
  const tRole = await getTranslations("user.role");
  const tAssignment = await getTranslations("agencyRole");
  const tStage = await getTranslations("cycle.stage");
  const tMethod = await getTranslations("contacts.method");
  const tPlatform = await getTranslations("webhooks.platformValue");
  const format = await getFormatter();

  const list = (values: string[]) => values.join(t("auditListSeparator"));
  const agency = (code: unknown) => (typeof code === "string" ? (log.names.agencies.get(code) ?? code) : "—");
  /** A stored value as a reader wants it: names for ids and codes, labels for vocabularies, dates as dates. */
  const show = (field: string, value: unknown): string => {
    if (value === undefined) return "";
    if (value === null || value === "") return "—";
    if (typeof value === "boolean") return value ? t("auditYes") : t("auditNo");
    if (typeof value === "string") {
      if (field === "status" && tStatus.has(value)) return tStatus(value);
      if (field === "kind" && tKind.has(value)) return tKind(value);
      if (field === "replyClass" && tReplyClass.has(value)) return tReplyClass(value);
      if (field === "satisfaction" && tSatisfaction.has(value)) return tSatisfaction(value);
      if (field === "role" && tRole.has(value)) return tRole(value);
      // A cycle step's agency role (主办, 协办).
      if (field === "role" && tAssignment.has(value)) return tAssignment(value);
      if (STAGE_FIELDS.has(field) && tStage.has(value)) return tStage(value);
      if (field === "method" && tMethod.has(value)) return tMethod(value);
      if (field === "platform" && tPlatform.has(value)) return tPlatform(value);
      if (AGENCY_FIELDS.has(field)) return agency(value);
      if (field.endsWith("ById") || USER_FIELDS.has(field)) return log.names.users.get(value) ?? value;
      // A comment's text and its mentions name people and agencies by id (lib/comments/mentions.ts).
      if (field === "text" || field === "mentions")
        return withMentionNames(value, (ref) =>
          (ref.kind === "user" ? log.names.users : log.names.agencies).get(ref.id),
        );
      // A write made because of another (a token revoked as its user is deactivated).
      if (field === "reason" && t.has(`auditAction.${value}`)) return t(`auditAction.${value}`);
      if (ISO_INSTANT.test(value)) {
        const instant = new Date(value);
        // Days are stored as midnight in Shanghai: shown as the day alone.
        const atMidnight =
          toShanghaiDateString(instant) !== toShanghaiDateString(new Date(instant.getTime() - 1));
        return format.dateTime(instant, atMidnight ? "date" : "dateTime");
      }
      return value;
    }
    if (typeof value === "number") return field === "progress" ? `${value}%` : String(value);
    if (Array.isArray(value)) {
      if (field === "coAgencies" || field === "coAgencyIds") return list(value.map(agency));
      // 联名代表 (issue 19): each by name, with their account's name when linked.
      if (field === "cosigners")
        return list(
          value.map((c: { nameZh?: string; userId?: string | null }) =>
            c.userId ? `${c.nameZh ?? ""} (${log.names.users.get(c.userId) ?? c.userId})` : (c.nameZh ?? ""),
          ),
        );
      if (field === "order") return list(value.map((id) => log.names.actions.get(String(id)) ?? String(id)));
      if (field === "agencies")
        return list(
          value.map((assignment: { agencyId?: string; role?: string }) =>
            assignment.role && tAssignment.has(assignment.role)
              ? `${tAssignment(assignment.role)} ${agency(assignment.agencyId)}`
              : agency(assignment.agencyId),
          ),
        );
      return list(value.map((one) => show(field, one)));
    }
    if (field === "cause" && typeof value === "object") {
      const cause = value as { kind?: string; actionCode?: string };
      const key = `auditCause.${cause.kind}`;
      return t.has(key) ? t(key, { code: cause.actionCode ?? "" }) : JSON.stringify(value);
    }
    return JSON.stringify(value);
  };
  const label = (change: AuditChange) =>
    t.has(`auditField.${change.field}`) ? t(`auditField.${change.field}`) : change.field;
  const pageHref = (page: number) => ({
    pathname: "/admin/audit",
    query: Object.fromEntries(
      Object.entries({ ...filters, page: String(page) }).filter(
        ([, value]) => value !== undefined && value !== "",
      ),
    ),
  });

  return (
    <div className="space-y-4">
      <form
        method="get"
        className="grid gap-3 px-4 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]"
      >
        <div className="space-y-1">
          <Label htmlFor="audit-who">{t("who")}</Label>
          <ChoiceSelect
            id="audit-who"
            name="who"
            defaultValue={filters.who ?? ""}
            empty={t("auditAnyone")}
            choices={log.people.map((person) => ({
              value: person.id,
              label: `${person.name} · ${person.email}`,
            }))}
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-action">{t("what")}</Label>
          <ChoiceSelect
            id="audit-action"
            name="action"
            defaultValue={filters.action ?? ""}
            empty={t("auditAnyAction")}
            choices={AUDIT_ACTIONS.map((action) => ({
              value: action,
              label: t(`auditAction.${action}`),
            }))}
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-item">{t("auditItem")}</Label>
          <Input id="audit-item" name="item" defaultValue={filters.item ?? ""} placeholder="LLM-2024 R4.2" />
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-from">{t("auditFrom")}</Label>
          <Input
            id="audit-from"
            name="from"
            type="date"
            defaultValue={filters.from ?? ""}
            className="min-w-[10rem]"
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-to">{t("auditTo")}</Label>
          <Input
            id="audit-to"
            name="to"
            type="date"
            defaultValue={filters.to ?? ""}
            className="min-w-[10rem]"
          />
        </div>
        <div className="flex items-end gap-2">
          <Button type="submit">{t("auditFilter")}</Button>
          <Link href="/admin/audit" className={buttonVariants({ variant: "outline" })}>
            {t("auditClear")}
          </Link>
        </div>
      </form>

      <p className="px-4 text-sm text-slate-600" role="status">
        {t("auditCount", { total: log.total, page: log.page, pages: log.pageCount })}
      </p>

      <div className="overflow-x-auto">
        <Table>
          <thead>
            <tr>
              <TableHead scope="col">{t("when")}</TableHead>
              <TableHead scope="col">{t("who")}</TableHead>
              <TableHead scope="col">{t("what")}</TableHead>
              <TableHead scope="col">{t("auditItem")}</TableHead>
              <TableHead scope="col">{t("auditChanges")}</TableHead>
            </tr>
          </thead>
          <tbody>
            {log.entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-event" className="align-top">
                <TableCell className="whitespace-nowrap text-xs">
                  {format.dateTime(entry.createdAt, "dateTime")}
                </TableCell>
                <TableCell className="text-xs">{entry.actor ? entry.actor.name : t("system")}</TableCell>
                <TableCell className="text-xs">
                  {t.has(`auditAction.${entry.action}`) ? t(`auditAction.${entry.action}`) : entry.action}
                </TableCell>
                <TableCell className="text-xs">
                  <span className="text-slate-500">
                    {t.has(`entityType.${entry.entityType}`)
                      ? t(`entityType.${entry.entityType}`)
                      : entry.entityType}
                  </span>{" "}
                  {entry.subject ? (
                    entry.subject.href ? (
                      <Link href={entry.subject.href} className="text-brand-700 underline">
                        {entry.subject.label}
                      </Link>
                    ) : (
                      entry.subject.label
                    )
                  ) : (
                    t("auditGone")
                  )}
                </TableCell>
                <TableCell className="text-xs">
                  {entry.changes.length > 0 && (
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                      {entry.changes.map((change) => (
                        <div key={change.field} className="contents">
                          <dt className="text-slate-500">{label(change)}</dt>
                          <dd className="break-words">
                            {change.before !== undefined && change.after !== undefined ? (
                              <>
                                <del className="text-red-700">{show(change.field, change.before)}</del>
                                {" → "}
                                <ins className="text-emerald-800 no-underline">
                                  {show(change.field, change.after)}
                                </ins>
                              </>
                            ) : (
                              show(change.field, change.after ?? change.before)
                            )}
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </TableCell>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>

      {log.pageCount > 1 && (
        <nav aria-label={t("auditPages")} className="flex items-center gap-3 px-4 pb-4 text-sm">
          {log.page > 1 && (
            <Link href={pageHref(log.page - 1)} className={buttonVariants({ variant: "outline" })}>
              {t("auditPrevious")}
            </Link>
          )}
          {log.page < log.pageCount && (
            <Link href={pageHref(log.page + 1)} className={buttonVariants({ variant: "outline" })}>
              {t("auditNext")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
