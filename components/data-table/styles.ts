// The table's controls, shared by its parts.

/** Checkboxes are tap targets of at least 24 × 24 px (WCAG 2.5.8), on a phone as on a desktop. */
export const CHECKBOX = "size-6 shrink-0 accent-brand-600";

/** The form Select, sized to sit inline beside its label in the table's bars. */
export const INLINE_SELECT = "w-auto px-2 py-1.5 shadow-none";
