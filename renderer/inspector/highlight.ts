// Does a finding's field path (e.g. `subjectAltNames.dns`) point at an inspector row that
// shows the given fields? Prefix matches both ways: `subjectAltNames` row ↔ `.dns` path.
export function fieldMatches(highlight: string | null, fields: readonly string[]): boolean {
  if (!highlight) return false;
  return fields.some((field) => field === highlight || highlight.startsWith(field + '.') || field.startsWith(highlight + '.'));
}

export function rowClass(base: string, highlight: string | null, fields: readonly string[]): string {
  return fieldMatches(highlight, fields) ? `${base} highlighted` : base;
}
