/**
 * One panel per Go version, or one panel and a note when the versions draw the same line: a chart
 * of three identical overlapping lines looks like one line and hides that they agree.
 */
type Row = Record<string, unknown>;

/** Most series a panel may hold: beyond six, colours stop being told apart. */
export const MAX_SERIES = 6;

/** Whether every value of `panel` holds the same points (the rows with `panel` left out). */
export function panelsCoincide(rows: readonly Row[], panel: string): boolean {
  const byPanel = new Map<string, string[]>();
  for (const r of rows) {
    const { [panel]: key, ...rest } = r;
    const points = byPanel.get(String(key)) ?? [];
    points.push(JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))));
    byPanel.set(String(key), points);
  }
  const shapes = [...byPanel.values()].map((p) => p.sort().join("\n"));
  return shapes.length > 1 && shapes.every((s) => s === shapes[0]);
}

/** The rows of one panel (the first value of `panel`), for drawing coinciding panels once. */
export function firstPanel(rows: readonly Row[], panel: string): Row[] {
  const first = rows[0]?.[panel];
  return rows.filter((r) => r[panel] === first);
}
