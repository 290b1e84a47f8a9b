/**
 * Search highlights arrive as text with the matched terms in `<em>…</em>`. Everything else in them
 * is product data typed by suppliers, so it is escaped: the result is safe for `v-html` and can
 * contain no markup but balanced, attribute-free `<em>` elements.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** HTML for a highlighted text: escaped, with only `<em>` / `</em>` kept (unbalanced ones fixed). */
export function sanitizeHighlight(highlighted: string | null | undefined): string {
  if (!highlighted) return ''
  let depth = 0
  let html = ''
  for (const part of highlighted.split(/(<em>|<\/em>)/i)) {
    const tag = part.toLowerCase()
    if (tag === '<em>') {
      depth++
      html += '<em>'
    } else if (tag === '</em>') {
      if (depth === 0) continue // a stray closing tag
      depth--
      html += '</em>'
    } else {
      html += escapeHtml(part)
    }
  }
  return html + '</em>'.repeat(depth)
}

/** The text of a highlight without its markup (for labels and titles). */
export function highlightText(highlighted: string): string {
  return highlighted.replace(/<\/?em>/gi, '')
}
