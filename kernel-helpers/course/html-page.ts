/** The frame of the course's own pages (the index, the playground): one standalone HTML file each. */
import { escapeHtml } from "../display/escape";

/** A page from its title, its CSS and its body (HTML); nothing outside the file is loaded unless the body says so. */
export function htmlDocument({ title, css, body }: { title: string; css: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style>
${css.trim()}
</style>
</head>
<body>
${body.trim()}
</body>
</html>
`;
}
