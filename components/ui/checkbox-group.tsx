import { FieldError } from "@/components/ui/input";

/** A set of checkboxes sent under one name (e.g. an item's co-handling agencies), with its errors. */
export function CheckboxGroup({
  name,
  legend,
  options,
  checked,
  errors,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: string[];
  errors?: string[];
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="space-y-1.5" aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              defaultChecked={checked.includes(option.value)}
              aria-invalid={Boolean(errors?.length)}
              // 24 × 24 px: a tap target a finger can hit (WCAG 2.5.8).
              className="size-6 shrink-0 accent-brand-600"
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={errorId} messages={errors} />
    </fieldset>
  );
}
