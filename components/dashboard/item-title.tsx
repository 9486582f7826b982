import { Link } from "@/lib/i18n/navigation";

/** An item's code, linked to its page, then its title: how the dashboard's lists name an item. */
export function ItemTitle({ code, href, title }: { code: string; href: string; title: string }) {
  return (
    <p>
      <Link href={href} className="font-mono text-xs font-semibold text-brand-700 hover:underline">
        {code}
      </Link>{" "}
      {title}
    </p>
  );
}
