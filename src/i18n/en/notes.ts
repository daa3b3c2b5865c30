/** The note a shared copy puts on a result it carries as a value (export/notes.ts): English. */
export const notes = {
  by: "Computed by the GenAI Business Case add-in on {date}",
  value: ". A value, not a formula: it does not update when inputs change.",
  blank: "(blank)",
};
