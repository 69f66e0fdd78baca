// Dates as Vietnamese users read them.

/** ISO date (2025-03-15, 2025-03, 2025) as Vietnamese write it: 15/03/2025, 03/2025, 2025. */
export function vietnameseDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split("-");
  return [d, m, y].filter(Boolean).join("/");
}
