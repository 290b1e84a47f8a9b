/**
 * Search highlights arrive as the product name, already HTML-escaped by the server (`&amp;`, `&lt;`,
 * `&#x27;` …), with the matched terms in `<em>…</em>`. The rest is product data typed by suppliers,
 * so it is not trusted: its character references are read back to text once, and that text is
 * escaped again. The result is safe for `v-html`, contains no markup but balanced, attribute-free
 * `<em>` elements, and shows what the supplier typed (never `&amp;amp;`).
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** The text of escaped HTML text: character references read back, in one pass (so never twice). */
export function unescapeHtml(html: string): string {
  return html.replace(/&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-zA-Z]+));/g, (ref, hex?: string, dec?: string, name?: string) => {
    if (name) return NAMED[name.toLowerCase()] ?? ref
    const code = hex ? parseInt(hex, 16) : Number(dec)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref
  })
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
      html += escapeHtml(unescapeHtml(part))
    }
  }
  return html + '</em>'.repeat(depth)
}

/** The text of a highlight without its markup (for labels and titles). */
export function highlightText(highlighted: string): string {
  return unescapeHtml(highlighted.replace(/<\/?em>/gi, ''))
}
