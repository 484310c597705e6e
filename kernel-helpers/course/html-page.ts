/** The frame of the course's own pages (the index, the playground): one standalone HTML file each. */
import { escapeHtml } from "../display/escape";

/**
 * An empty icon: without one a browser asks the host for /favicon.ico, which a static host
 * answers 404 (an error in the reader's console) and a file:// page cannot have.
 */
export const NO_FAVICON = '<link rel="icon" href="data:,">';

/** A page from its title, its CSS and its body (HTML); nothing outside the file is loaded unless the body says so. */
export function htmlDocument({ title, css, body }: { title: string; css: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
${NO_FAVICON}
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
