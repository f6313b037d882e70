'use strict';
// The explain command's result, as markdown and as the HTML page of the explanation webview.

/**
 * The markdown in a `falconer.explain` result: a string, a MarkupContent ({kind, value}) or an
 * object with a `markdown` field; '' when there is none.
 */
function explanationMarkdown(result) {
  if (typeof result === 'string') return result;
  if (result && typeof result.markdown === 'string') return result.markdown;
  if (result && typeof result.value === 'string') return result.value;
  return '';
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * A page for the rendered markdown (`renderedHtml`, from VS Code's markdown renderer), or for the
 * escaped source when rendering was not available. No scripts; styles only from the webview.
 */
function explanationHtml(renderedHtml, markdown, cspSource) {
  const body = renderedHtml ? renderedHtml : `<pre>${escapeHtml(markdown)}</pre>`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} https: data:; style-src ${cspSource} 'unsafe-inline';">
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); line-height: 1.5; padding: 0 1em; }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 .2em; }
pre { white-space: pre-wrap; }
</style></head>
<body class="falconer-explanation">${body}</body></html>`;
}

module.exports = { explanationMarkdown, explanationHtml, escapeHtml };
