"use client";

import { Menu, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";

/**
 * The header's navigation and user menu: a bar on wide screens, folded behind a disclosure button on
 * narrow ones (a phone has no room for six views, the user and the language side by side). `aside`
 * (the language switcher) stays in sight either way.
 */
export function SiteMenu({ aside, children }: { aside: ReactNode; children: ReactNode }) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    // Escape closes the open menu and gives the focus back to its button.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    // A link followed from the menu lands on a page with the menu closed.
    const onClick = (event: MouseEvent) => {
      if ((event.target as HTMLElement).closest("a")) setOpen(false);
    };
    const menu = panel.current;
    document.addEventListener("keydown", onKeyDown);
    menu?.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      menu?.removeEventListener("click", onClick);
    };
  }, [open]);

  return (
    <>
      <div className="flex items-center gap-2 lg:order-last">
        {aside}
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls="site-menu"
          onClick={() => setOpen((was) => !was)}
          className="inline-flex items-center gap-1.5 rounded-md border border-white/30 px-3 py-1.5 text-sm font-medium text-white hover:bg-white/10 lg:hidden"
        >
          {open ? (
            <X aria-hidden="true" className="size-4" />
          ) : (
            <Menu aria-hidden="true" className="size-4" />
          )}
          {t("menu")}
        </button>
      </div>
      <div
        id="site-menu"
        ref={panel}
        className={cn(
          open ? "flex" : "hidden",
          "order-last basis-full flex-col gap-3 border-t border-white/15 pt-3",
          "lg:order-none lg:flex lg:basis-auto lg:flex-row lg:items-center lg:border-0 lg:pt-0",
        )}
      >
        {children}
      </div>
    </>
  );
}
