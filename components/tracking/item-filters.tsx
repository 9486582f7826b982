import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { ChoiceSelect, Input, Label, Select } from "@/components/ui/input";
import { STAGES } from "@/lib/cycle/machine";
import { toShanghaiDateString } from "@/lib/dates";
import { ItemStatus, ReplyClass } from "@/lib/db/enums";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { HEALTH } from "@/lib/tracking/health";
import { type FilterOptions, PROPOSAL_CHOICES } from "@/lib/tracking/queries";
import type { ItemFilters } from "@/lib/tracking/search-params";
import { FilterPanel } from "./filter-panel";

/**
 * The filters of the table and the dashboard, as a plain GET form: submitting it puts them in the URL
 * (and starts at page 1), so a filtered view can be bookmarked or shared, and it works before any
 * script has loaded. `keep` carries the view's own settings (sort, columns…) across a new filter.
 */
// The warning filter's choices: one level, or red and yellow together (what needs attention).
const WARNING_CHOICES = ["red,yellow", "red", "yellow", "blue"] as const;

/** The message of a warning filter's value (a level, or red and yellow together). */
function warningChoice(levels: readonly string[]) {
  const key = [...levels].sort().join(",");
  if (key === "red,yellow") return "redYellow";
  if (levels.length === 1 && ["red", "yellow", "blue"].includes(levels[0] ?? "")) return levels[0] as string;
  return "several";
}

export async function ItemFilterForm({
  filters,
  options,
  keep = {},
  resetHref,
  children,
}: {
  filters: ItemFilters;
  options: FilterOptions;
  keep?: Record<string, string>;
  resetHref: "/table" | "/dashboard";
  children?: ReactNode;
}) {
  const t = await getTranslations("tracking");
  const tPromises = await getTranslations("promises");
  const tStatus = await getTranslations("status");
  const tHealth = await getTranslations("health");
  const tClass = await getTranslations("replyClass");
  const tStage = await getTranslations("cycle.stage");
  const tWarning = await getTranslations("supervision.filter");
  const tContact = await getTranslations("contacts.filter");
  const locale = await getLocale();
  const name = (zh: string, en: string | null) => localized(locale, zh, en);
  // What is filtered, in one line for the folded form on a phone.
  const agencyName = (id: string | undefined) => {
    const agency = options.agencies.find((candidate) => candidate.id === id);
    return agency ? name(agency.nameZh, agency.nameEn) : id;
  };
  const theme = options.themes.find((candidate) => candidate.id === filters.theme);
  const active = [
    filters.kind === "action" ? t("kindAction") : null,
    filters.q ? `“${filters.q}”` : null,
    filters.proposal ?? null,
    theme ? name(theme.nameZh, theme.nameEn) : null,
    filters.agency ? agencyName(filters.agency) : null,
    filters.leadAgency ? `${t("leadAgencyFilter")} ${agencyName(filters.leadAgency)}` : null,
    filters.replyClass ? tClass(filters.replyClass) : null,
    ...filters.stage.map((stage) => tStage(stage)),
    filters.warning.length ? tWarning(warningChoice(filters.warning)) : null,
    filters.priority ? tWarning("priorityOnly") : null,
    filters.rehandling === "awaiting" ? t("rehandlingAwaiting") : null,
    filters.rehandling === "overdue" ? t("rehandlingOverdue") : null,
    filters.views === "awaiting" ? t("viewsAwaiting") : null,
    filters.views === "overdue" ? t("viewsOverdue") : null,
    filters.contact ? tContact(filters.contact) : null,
    filters.dueFrom || filters.dueTo
      ? `${t("dueDate")} ${filters.dueFrom ?? "…"}–${filters.dueTo ?? "…"}`
      : null,
    filters.asOf ? `${t("asOf")} ${filters.asOf}` : null,
    ...filters.status.map((status) => tStatus(status)),
    ...filters.health.map((health) => tHealth(health)),
    filters.mismatch ? t("mismatchOnly") : null,
    filters.neglected ? tPromises("neglectedFilter") : null,
  ].filter((part): part is string => Boolean(part));
  const summary = active.length
    ? t("filtersSummary", { count: active.length, list: active.join(locale === "en" ? ", " : "、") })
    : t("filtersNone");
  return (
    <search aria-label={t("filtersLabel")}>
      <FilterPanel
        id="item-filters"
        summary={summary}
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        {Object.entries(keep).map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <div className="grid gap-3 md:grid-cols-4">
          <div className="space-y-1">
            <Label htmlFor="kind">{t("kind")}</Label>
            <Select id="kind" name="kind" defaultValue={filters.kind}>
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
              defaultValue={filters.q}
              maxLength={100}
              placeholder={t("searchHint")}
            />
          </div>
          <div className="space-y-1">
            <Label htmlFor="proposal">{t("proposal")}</Label>
            {options.proposals.length <= PROPOSAL_CHOICES ? (
              <ChoiceSelect
                id="proposal"
                name="proposal"
                defaultValue={filters.proposal ?? ""}
                empty={t("all")}
                choices={options.proposals.map((proposal) => ({
                  value: proposal.code,
                  label: `${proposal.code} · ${name(proposal.titleZh, proposal.titleEn)}`,
                }))}
              />
            ) : (
              <Input
                id="proposal"
                name="proposal"
                defaultValue={filters.proposal}
                placeholder={t("proposalCodeHint")}
                maxLength={100}
              />
            )}
          </div>
          <div className="space-y-1">
            <Label htmlFor="theme">{t("theme")}</Label>
            <ChoiceSelect
              id="theme"
              name="theme"
              defaultValue={filters.theme ?? ""}
              empty={t("all")}
              choices={options.themes.map((theme) => ({
                value: theme.id,
                label: name(theme.nameZh, theme.nameEn),
              }))}
            />
          </div>
          {(["agency", "leadAgency"] as const).map((field) => (
            <div key={field} className="space-y-1">
              <Label htmlFor={field}>{t(field === "agency" ? "agency" : "leadAgencyFilter")}</Label>
              <ChoiceSelect
                id={field}
                name={field}
                defaultValue={filters[field] ?? ""}
                empty={t("all")}
                choices={options.agencies.map((agency) => ({
                  value: agency.id,
                  label: name(agency.nameZh, agency.nameEn),
                }))}
              />
            </div>
          ))}
          <div className="space-y-1">
            <Label htmlFor="replyClass">{t("replyClass")}</Label>
            <ChoiceSelect
              id="replyClass"
              name="replyClass"
              defaultValue={filters.replyClass ?? ""}
              empty={t("all")}
              choices={Object.values(ReplyClass).map((value) => ({ value, label: tClass(value) }))}
            />
          </div>
          <div className="space-y-1">
            <Label htmlFor="stage">{t("stage")}</Label>
            <ChoiceSelect
              id="stage"
              name="stage"
              defaultValue={filters.stage[0] ?? ""}
              empty={t("all")}
              choices={STAGES.map((value) => ({ value, label: tStage(value) }))}
            />
          </div>
          <div className="space-y-1">
            <Label htmlFor="warning">{tWarning("warning")}</Label>
            <ChoiceSelect
              id="warning"
              name="warning"
              defaultValue={filters.warning.length ? filters.warning.join(",") : ""}
              empty={t("all")}
              choices={WARNING_CHOICES.map((value) => ({
                value,
                label: tWarning(warningChoice(value.split(","))),
              }))}
            />
          </div>
          <div className="space-y-1">
            <Label htmlFor="rehandling">{t("rehandling")}</Label>
            <Select id="rehandling" name="rehandling" defaultValue={filters.rehandling ?? ""}>
              <option value="">{t("all")}</option>
              <option value="awaiting">{t("rehandlingAwaiting")}</option>
              <option value="overdue">{t("rehandlingOverdue")}</option>
            </Select>
          </div>
          <div className="space-y-1">
            <Label htmlFor="views">{t("views")}</Label>
            <Select id="views" name="views" defaultValue={filters.views ?? ""}>
              <option value="">{t("all")}</option>
              <option value="awaiting">{t("viewsAwaiting")}</option>
              <option value="overdue">{t("viewsOverdue")}</option>
            </Select>
          </div>
          <div className="space-y-1">
            <Label htmlFor="contact">{tContact("label")}</Label>
            <Select id="contact" name="contact" defaultValue={filters.contact ?? ""}>
              <option value="">{t("all")}</option>
              <option value="before_reply">{tContact("before_reply")}</option>
              <option value="none">{tContact("none")}</option>
            </Select>
          </div>
          {/* Two columns wide from a tablet up: a whole date shows in each field. */}
          <div className="grid grid-cols-2 gap-2 md:col-span-2">
            <div className="space-y-1">
              <Label htmlFor="dueFrom">{t("dueFrom")}</Label>
              <Input id="dueFrom" name="dueFrom" type="date" defaultValue={filters.dueFrom} />
            </div>
            <div className="space-y-1">
              <Label htmlFor="dueTo">{t("dueTo")}</Label>
              <Input id="dueTo" name="dueTo" type="date" defaultValue={filters.dueTo} />
            </div>
          </div>
          <div className="space-y-1">
            <Label htmlFor="asOf">{t("asOf")}</Label>
            <Input
              id="asOf"
              name="asOf"
              type="date"
              defaultValue={filters.asOf}
              max={toShanghaiDateString(new Date())}
              aria-describedby="asOf-hint"
            />
            <p id="asOf-hint" className="text-xs text-slate-600">
              {t("asOfHint")}
            </p>
          </div>
          {children}
        </div>
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("status")}</legend>
          {Object.values(ItemStatus).map((status) => (
            <Check
              key={status}
              name="status"
              value={status}
              checked={filters.status.includes(status)}
              label={tStatus(status)}
            />
          ))}
        </fieldset>
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("health")}</legend>
          {HEALTH.map((health) => (
            <Check
              key={health}
              name="health"
              value={health}
              checked={filters.health.includes(health)}
              label={tHealth(health)}
            />
          ))}
          <Check name="mismatch" value="1" checked={filters.mismatch} label={t("mismatchOnly")} />
          <Check
            name="neglected"
            value="1"
            checked={filters.neglected}
            label={tPromises("neglectedFilter")}
          />
        </fieldset>
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <legend className="mb-1 text-sm font-medium text-slate-700">{tWarning("legend")}</legend>
          <Check name="priority" value="1" checked={filters.priority} label={tWarning("priorityOnly")} />
        </fieldset>
        <div className="flex gap-2">
          <button type="submit" className={buttonVariants({ size: "sm" })}>
            {t("apply")}
          </button>
          <Link href={resetHref} className={buttonVariants({ size: "sm", variant: "outline" })}>
            {t("reset")}
          </Link>
        </div>
      </FilterPanel>
    </search>
  );
}

/** One checkbox of the form; checked ones send name=value (lists repeat the name). */
function Check({
  name,
  value,
  checked,
  label,
}: {
  name: string;
  value: string;
  checked: boolean;
  label: string;
}) {
  return (
    <label className="flex min-h-6 items-center gap-1.5">
      {/* 24 × 24 px: a tap target a finger can hit (WCAG 2.5.8). */}
      <input
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={checked}
        className="size-6 shrink-0 accent-brand-600"
      />
      {label}
    </label>
  );
}
