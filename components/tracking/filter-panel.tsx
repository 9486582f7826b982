"use client";

import { SlidersHorizontal } from "lucide-react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { usePathname, useRouter } from "@/lib/i18n/navigation";
import { cn } from "@/lib/utils";

/**
 * The filter form's frame. A filter applies as soon as it changes (the text search when it is left or
 * Enter is pressed), and only filled-in fields go into the URL. On a phone the form folds behind a
 * one-line summary of what is filtered, so the figures come first. Without script it stays a plain GET
 * form.
 */
export function FilterPanel({
  id,
  summary,
  className,
  children,
}: {
  id: string;
  summary: string;
  className?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const pathname = usePathname();

  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const apply = (event: Event) => {
      event.preventDefault();
      const query = new URLSearchParams();
      for (const [key, value] of new FormData(element)) {
        if (typeof value === "string" && value.trim() !== "") query.append(key, value);
      }
      const search = query.toString();
      router.push(search ? `${pathname}?${search}` : pathname, { scroll: false });
    };
    // The native change event: a text field reports once it is committed, not at each keystroke.
    element.addEventListener("change", apply);
    element.addEventListener("submit", apply);
    return () => {
      element.removeEventListener("change", apply);
      element.removeEventListener("submit", apply);
    };
  }, [router, pathname]);

  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((was) => !was)}
        className="flex w-full items-center gap-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-left text-sm md:hidden"
      >
        <SlidersHorizontal aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
        <span className="min-w-0 flex-1 truncate" data-testid="filter-summary">
          {summary}
        </span>
        <span aria-hidden="true" className="text-slate-500">
          {open ? "▴" : "▾"}
        </span>
      </button>
      <form
        ref={form}
        id={id}
        method="get"
        className={cn(open ? "block" : "hidden", "mt-2 md:mt-0 md:block", className)}
      >
        {children}
      </form>
    </>
  );
}
