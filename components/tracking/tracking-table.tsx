"use client";

import type { ColumnDef, RowSelectionState } from "@tanstack/react-table";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { WarningBadge } from "@/components/cycle/warning-badge";
import { DataTable } from "@/components/data-table/data-table";
import { ExportMenu } from "@/components/export/export-menu";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { HealthBadge } from "@/components/tracking/health-badge";
import { Progress } from "@/components/ui/progress";
import { agencyShortName, localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { TrackingPage, TrackingRow } from "@/lib/tracking/queries";
import {
  HIDEABLE_COLUMNS,
  PAGE_SIZES,
  pickFilters,
  type TrackingParams,
  trackingQuery,
} from "@/lib/tracking/search-params";

export function TrackingTable({ page, params }: { page: TrackingPage; params: TrackingParams }) {
  const t = useTranslations("tracking");
  const tClass = useTranslations("replyClass");
  const tStage = useTranslations("cycle.stage");
  const tExport = useTranslations("export");
  const tSupervision = useTranslations("supervision.column");
  const tContacts = useTranslations("contacts.table");
  // Selected rows of this page (the page is remade, selection and all, when the view changes).
  const [selected, setSelected] = useState<RowSelectionState>({});
  const locale = useLocale();
  const format = useFormatter();
  const name = (zh: string, en: string | null) => localized(locale, zh, en);

  const columns: ColumnDef<TrackingRow>[] = [
    {
      id: "code",
      header: t("code"),
      cell: ({ row }) => (
        <Link
          href={row.original.href}
          className="inline-flex min-h-6 items-center font-mono text-xs font-semibold text-brand-700 underline-offset-2 hover:underline"
        >
          {row.original.code}
        </Link>
      ),
    },
    {
      id: "title",
      header: t("itemTitle"),
      // On a wide screen a title gets room for a line or two, not a column of words.
      cell: ({ row }) => (
        <span className="block md:min-w-48 xl:min-w-72">
          {name(row.original.titleZh, row.original.titleEn)}
        </span>
      ),
    },
    {
      id: "status",
      header: t("status"),
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    },
    {
      id: "progress",
      header: t("progress"),
      cell: ({ row }) => (
        <Progress
          value={row.original.progress}
          label={`${row.original.code} ${t("progress")}`}
          className="min-w-32"
        />
      ),
    },
    {
      id: "health",
      header: t("health"),
      cell: ({ row }) => <HealthBadge health={row.original.health} />,
    },
    {
      id: "theme",
      header: t("theme"),
      enableSorting: false,
      cell: ({ row }) =>
        row.original.theme ? name(row.original.theme.nameZh, row.original.theme.nameEn) : "—",
    },
    {
      id: "leadAgency",
      header: t("leadAgency"),
      enableSorting: false,
      cell: ({ row }) => {
        const agency = row.original.leadAgency;
        return agency ? agencyShortName(locale, agency) : "—";
      },
    },
    {
      id: "replyClass",
      header: t("replyClass"),
      enableSorting: false,
      cell: ({ row }) => (row.original.replyClass ? tClass(row.original.replyClass) : "—"),
    },
    {
      id: "stage",
      header: t("stage"),
      enableSorting: false,
      cell: ({ row }) => <span className="whitespace-nowrap">{tStage(row.original.stage)}</span>,
    },
    {
      id: "warning",
      header: tSupervision("warning"),
      enableSorting: false,
      cell: ({ row }) => <WarningBadge level={row.original.warning} />,
    },
    {
      id: "priority",
      header: tSupervision("priority"),
      enableSorting: false,
      cell: ({ row }) =>
        row.original.priority ? (
          <span className="whitespace-nowrap font-medium text-red-800">{tSupervision("yes")}</span>
        ) : (
          "—"
        ),
    },
    {
      id: "consulted",
      header: tContacts("column"),
      enableSorting: false,
      cell: ({ row }) =>
        row.original.consulted === null ? (
          "—"
        ) : (
          <span className="whitespace-nowrap">{tContacts(row.original.consulted ? "yes" : "no")}</span>
        ),
    },
    {
      id: "dueDate",
      header: t("dueDate"),
      // A date never breaks inside itself (2026年12月31/日).
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          {row.original.dueDate ? format.dateTime(new Date(row.original.dueDate), "date") : "—"}
        </span>
      ),
    },
    {
      id: "updatedAt",
      header: t("updatedAt"),
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          {row.original.updatedAt ? format.dateTime(new Date(row.original.updatedAt), "date") : "—"}
        </span>
      ),
    },
  ];

  return (
    <DataTable
      columns={columns}
      data={page.rows}
      total={page.total}
      pageCount={page.pageCount}
      caption={params.kind === "action" ? t("captionActions") : t("captionRecommendations")}
      cardHeading={["code", "title"]}
      pageSizes={PAGE_SIZES}
      hideable={HIDEABLE_COLUMNS.map((id) => ({
        id,
        label:
          id === "warning" || id === "priority"
            ? tSupervision(id)
            : id === "consulted"
              ? tContacts("column")
              : t(id),
      }))}
      selection={{
        selected,
        onChange: setSelected,
        pageLabel: tExport("selectPage"),
        rowLabel: (row) => tExport("selectRow", { code: row.code }),
      }}
      toolbar={
        <ExportMenu
          query={trackingQuery({ ...pickFilters(params), sort: params.sort, dir: params.dir })}
          total={page.total}
          selectedIds={Object.keys(selected).filter((id) => selected[id])}
        />
      }
      state={{
        page: params.page,
        perPage: params.perPage,
        sort: params.sort,
        dir: params.dir,
        hidden: params.hide,
        density: params.density,
      }}
    />
  );
}
