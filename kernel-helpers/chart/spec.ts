/**
 * A vega-lite v5 spec as the lab's public API shows it: plain JSON with a schema and a title.
 * The full vega-lite types stay inside chart/: tslab type-checks a notebook's first import
 * against every declaration it reaches, and vega-lite's spec union alone cost seconds there.
 */
export interface ChartSpec {
  $schema: string;
  title?: string | { text?: string; subtitle?: string | string[] };
  /** One sentence saying what the chart shows (the image's alt text, with the title). */
  description?: string;
  [key: string]: unknown;
}
