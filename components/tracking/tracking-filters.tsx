import { getLocale, getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { ItemStatus, ReplyClass } from "@/lib/db/enums";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { TrackingParams } from "@/lib/tracking/search-params";

type Option = { id: string; nameZh: string; nameEn: string | null };

/**
 * The filters, as a plain GET form: submitting it puts them in the URL (and starts at page 1), so a
 * filtered view can be bookmarked or shared, and it works before any script has loaded.
 */
export async function TrackingFilters({
  params,
  themes,
  agencies,
}: {
  params: TrackingParams;
  themes: Option[];
  agencies: Option[];
}) {
  const t = await getTranslations("tracking");
  const tStatus = await getTranslations("status");
  const tClass = await getTranslations("replyClass");
  const locale = await getLocale();
  return (
    <search>
      <form method="get" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        {/* The view's own settings survive a new filter. */}
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        {params.hide.length > 0 && <input type="hidden" name="hide" value={params.hide.join(",")} />}
        {params.density !== "comfortable" && <input type="hidden" name="density" value={params.density} />}
        {params.perPage !== 25 && <input type="hidden" name="perPage" value={params.perPage} />}
        <div className="grid gap-3 md:grid-cols-4">
          <div className="space-y-1">
            <Label htmlFor="kind">{t("kind")}</Label>
            <Select id="kind" name="kind" defaultValue={params.kind}>
              <option value="recommendation">{t("kindRecommendation")}</option>
              <option value="action">{t("kindAction")}</option>
            </Select>
          </div>
          <div className="space-y-1 md:col-span-3">
            <Label htmlFor="q">{t("search")}</Label>
            <Input
              id="q"
              name="q"
              type="search"
              defaultValue={params.q}
              maxLength={100}
              placeholder={t("searchHint")}
            />
          </div>
          <div className="space-y-1">
            <Label htmlFor="theme">{t("theme")}</Label>
            <Select id="theme" name="theme" defaultValue={params.theme ?? ""}>
              <option value="">{t("all")}</option>
              {themes.map((theme) => (
                <option key={theme.id} value={theme.id}>
                  {localized(locale, theme.nameZh, theme.nameEn)}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1">
            <Label htmlFor="agency">{t("agency")}</Label>
            <Select id="agency" name="agency" defaultValue={params.agency ?? ""}>
              <option value="">{t("all")}</option>
              {agencies.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {localized(locale, agency.nameZh, agency.nameEn)}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1">
            <Label htmlFor="replyClass">{t("replyClass")}</Label>
            <Select id="replyClass" name="replyClass" defaultValue={params.replyClass ?? ""}>
              <option value="">{t("all")}</option>
              {Object.values(ReplyClass).map((value) => (
                <option key={value} value={value}>
                  {tClass(value)}
                </option>
              ))}
            </Select>
          </div>
          <div className="grid grid-cols-2 gap-2">
            <div className="space-y-1">
              <Label htmlFor="dueFrom">{t("dueFrom")}</Label>
              <Input id="dueFrom" name="dueFrom" type="date" defaultValue={params.dueFrom} />
            </div>
            <div className="space-y-1">
              <Label htmlFor="dueTo">{t("dueTo")}</Label>
              <Input id="dueTo" name="dueTo" type="date" defaultValue={params.dueTo} />
            </div>
          </div>
        </div>
        <fieldset className="flex flex-wrap items-center gap-3 text-sm">
          <legend className="sr-only">{t("status")}</legend>
          {Object.values(ItemStatus).map((status) => (
            <label key={status} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                name="status"
                value={status}
                defaultChecked={params.status.includes(status)}
                className="accent-brand-600"
              />
              {tStatus(status)}
            </label>
          ))}
          <label className="flex items-center gap-1.5">
            <input
              type="checkbox"
              name="overdue"
              value="1"
              defaultChecked={params.overdue}
              className="accent-brand-600"
            />
            {t("overdueOnly")}
          </label>
        </fieldset>
        <div className="flex gap-2">
          <button type="submit" className={buttonVariants({ size: "sm" })}>
            {t("apply")}
          </button>
          <Link href="/table" className={buttonVariants({ size: "sm", variant: "outline" })}>
            {t("reset")}
          </Link>
        </div>
      </form>
    </search>
  );
}
