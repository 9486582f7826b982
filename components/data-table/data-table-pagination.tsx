"use client";

import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/input";
import { Link } from "@/lib/i18n/navigation";
import { INLINE_SELECT } from "./styles";
import type { DataTableState, UrlChanges } from "./use-data-table";

/** Below the table: the page size, and the previous and next pages as links. */
export function DataTablePagination({
  state,
  pageCount,
  pageSizes,
  hrefWith,
  navigate,
}: {
  state: DataTableState;
  pageCount: number;
  pageSizes: readonly number[];
  hrefWith: (changes: UrlChanges) => string;
  navigate: (changes: UrlChanges) => void;
}) {
  const t = useTranslations("dataTable");
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <label className="flex items-center gap-2">
        {t("perPage")}
        <Select
          value={state.perPage}
          onChange={(event) => navigate({ perPage: event.target.value, page: undefined })}
          className={INLINE_SELECT}
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </Select>
      </label>
      <div className="flex items-center gap-2">
        <PageLink
          href={hrefWith({ page: String(state.page - 1) })}
          disabled={state.page <= 1}
          label={t("previous")}
        />
        <span>{t("page", { page: Math.min(state.page, pageCount), pageCount })}</span>
        <PageLink
          href={hrefWith({ page: String(state.page + 1) })}
          disabled={state.page >= pageCount}
          label={t("next")}
        />
      </div>
    </nav>
  );
}

function PageLink({ href, disabled, label }: { href: string; disabled: boolean; label: string }) {
  if (disabled) {
    return <span className="rounded-md border border-slate-200 px-3 py-1.5 text-slate-500">{label}</span>;
  }
  return (
    <Link
      href={href}
      scroll={false}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
    >
      {label}
    </Link>
  );
}
