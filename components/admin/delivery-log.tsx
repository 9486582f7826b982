import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { ChoiceSelect, Label } from "@/components/ui/input";
import { RowActionButton } from "@/components/ui/row-action-button";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { Link } from "@/lib/i18n/navigation";
import { retryDelivery } from "@/lib/notifications/delivery-actions";
import {
  DELIVERY_STATES,
  type DeliveryLogFilters,
  type DeliveryLogPage,
  type DeliveryState,
} from "@/lib/notifications/delivery-log";

const TONE: Record<DeliveryState, "success" | "warning" | "danger"> = {
  queued: "warning",
  sent: "success",
  failed: "danger",
};

/** The delivery log: its state filter (a GET form, so that a view can be linked), the rows, the pages. */
export async function DeliveryLog({ log, filters }: { log: DeliveryLogPage; filters: DeliveryLogFilters }) {
  const t = await getTranslations("deliveries");
  const format = await getFormatter();
  const label = (group: "channelValue" | "stateValue", value: string) =>
    t.has(`${group}.${value}`) ? t(`${group}.${value}` as "stateValue.sent") : value;
  const pageHref = (page: number) => ({
    pathname: "/admin/deliveries",
    query: { ...(filters.state ? { state: filters.state } : {}), page: String(page) },
  });

  return (
    <div className="space-y-4">
      <form method="get" className="flex flex-wrap items-end gap-3 px-4">
        <div className="space-y-1">
          <Label htmlFor="delivery-state">{t("state")}</Label>
          <ChoiceSelect
            id="delivery-state"
            name="state"
            defaultValue={filters.state ?? ""}
            empty={t("anyState")}
            choices={DELIVERY_STATES.map((state) => ({ value: state, label: label("stateValue", state) }))}
          />
        </div>
        <div className="flex gap-2">
          <Button type="submit">{t("filter")}</Button>
          <Link href="/admin/deliveries" className={buttonVariants({ variant: "outline" })}>
            {t("clear")}
          </Link>
        </div>
      </form>

      <p className="px-4 text-sm text-slate-600" role="status">
        {t("count", { total: log.total, page: log.page, pages: log.pageCount })}
      </p>

      {log.entries.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <thead>
              <tr>
                <TableHead scope="col">{t("createdAt")}</TableHead>
                <TableHead scope="col">{t("channel")}</TableHead>
                <TableHead scope="col">{t("to")}</TableHead>
                <TableHead scope="col">{t("about")}</TableHead>
                <TableHead scope="col">{t("state")}</TableHead>
                <TableHead scope="col">{t("attempts")}</TableHead>
                <TableHead scope="col">{t("lastError")}</TableHead>
                <TableHead scope="col">{t("sentAt")}</TableHead>
                <TableHead scope="col" className="relative">
                  <span className="sr-only">{t("retry")}</span>
                </TableHead>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((entry) => (
                <tr key={entry.id} data-testid="delivery" className="align-top">
                  <TableCell className="whitespace-nowrap text-xs">
                    {format.dateTime(entry.createdAt, "dateTime")}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-xs">
                    {label("channelValue", entry.channel)}
                    {entry.digest && <p className="text-slate-600">{t("digest")}</p>}
                  </TableCell>
                  <TableCell className="break-all text-xs">{entry.to}</TableCell>
                  <TableCell className="min-w-[12rem] text-xs">
                    <p>{entry.about.title}</p>
                    {entry.about.item && <p className="text-slate-600">{entry.about.item}</p>}
                  </TableCell>
                  <TableCell className="text-xs">
                    <Badge tone={TONE[entry.state as DeliveryState] ?? "warning"}>
                      {label("stateValue", entry.state)}
                    </Badge>
                    {entry.state === "queued" && (
                      <p className="mt-1 whitespace-nowrap text-slate-600">
                        {t("nextAttempt", { date: format.dateTime(entry.notBefore, "dateTime") })}
                      </p>
                    )}
                  </TableCell>
                  <TableCell className="text-xs tabular-nums">{entry.attempts}</TableCell>
                  <TableCell className="min-w-[12rem] max-w-sm break-words font-mono text-xs text-red-800">
                    {entry.lastError ?? ""}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-xs">
                    {entry.sentAt ? format.dateTime(entry.sentAt, "dateTime") : "—"}
                  </TableCell>
                  <TableCell>
                    {/* "Send again": queued at once, sent by the next round of the sender. */}
                    {entry.state === "failed" && (
                      <RowActionButton
                        action={retryDelivery}
                        field="deliveryId"
                        value={entry.id}
                        label={t("retry")}
                        accessibleLabel={t("retryFor", { to: entry.to })}
                      />
                    )}
                  </TableCell>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}

      {log.pageCount > 1 && (
        <nav aria-label={t("pages")} className="flex items-center gap-3 px-4 pb-4 text-sm">
          {log.page > 1 && (
            <Link href={pageHref(log.page - 1)} className={buttonVariants({ variant: "outline" })}>
              {t("previous")}
            </Link>
          )}
          {log.page < log.pageCount && (
            <Link href={pageHref(log.page + 1)} className={buttonVariants({ variant: "outline" })}>
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
