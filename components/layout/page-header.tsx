import type { ReactNode } from "react";

/** A page's title (its one h1) and the line under it that says what the page is for. */
export function PageHeader({ title, intro }: { title: ReactNode; intro?: ReactNode }) {
  return (
    <header className="space-y-1">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {intro && <p className="text-sm text-slate-600">{intro}</p>}
    </header>
  );
}
