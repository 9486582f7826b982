import type { FormState } from "@/lib/validation/form-action";

/** The form-level error or confirmation of a server action's answer. */
export function FormMessages({ state }: { state: FormState }) {
  return (
    <>
      {state.formError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {state.formError}
        </p>
      )}
      {state.fieldErrors?.form && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {state.fieldErrors.form.join(" ")}
        </p>
      )}
      {state.notice && (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          {state.notice}
        </p>
      )}
    </>
  );
}
