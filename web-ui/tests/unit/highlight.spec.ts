import { describe, expect, it } from 'vitest'
import { escapeHtml, highlightText, sanitizeHighlight } from '@/services/highlight'

describe('sanitizeHighlight', () => {
  it('keeps the <em> of the matched terms', () => {
    expect(sanitizeHighlight('雷山<em>银球茶</em> 250克')).toBe('雷山<em>银球茶</em> 250克')
    expect(sanitizeHighlight('<EM>银球</EM>茶')).toBe('<em>银球</em>茶')
  })

  it('shows a server-escaped name as typed, escaping it exactly once', () => {
    expect(sanitizeHighlight('<em>茶</em> &amp; 米 &lt;特级&gt; &quot;新&quot; &#x27;A&#x27; &#x2F;')).toBe(
      '<em>茶</em> &amp; 米 &lt;特级&gt; &quot;新&quot; &#39;A&#39; /',
    )
    // a supplier who typed "&lt;" sees "&lt;", not "<"
    expect(sanitizeHighlight('&amp;lt;<em>茶</em>')).toBe('&amp;lt;<em>茶</em>')
    // escaped tags stay text, even <em>
    expect(sanitizeHighlight('&lt;em&gt;茶&lt;/em&gt;')).toBe('&lt;em&gt;茶&lt;/em&gt;')
    expect(highlightText('<em>茶</em> &amp; 米')).toBe('茶 & 米')
  })

  it('escapes every other tag and character', () => {
    expect(sanitizeHighlight('<img src=x onerror=alert(1)><em>茶</em>')).toBe('&lt;img src=x onerror=alert(1)&gt;<em>茶</em>')
    expect(sanitizeHighlight('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(sanitizeHighlight("A&B 'tea'")).toBe('A&amp;B &#39;tea&#39;')
  })

  it('does not keep <em> with attributes', () => {
    expect(sanitizeHighlight('<em onclick="x()">茶</em>')).toBe('&lt;em onclick=&quot;x()&quot;&gt;茶')
  })

  it('balances stray and unclosed tags', () => {
    expect(sanitizeHighlight('</em>茶')).toBe('茶')
    expect(sanitizeHighlight('<em>银球茶')).toBe('<em>银球茶</em>')
  })

  it('gives empty text for nothing', () => {
    expect(sanitizeHighlight(undefined)).toBe('')
    expect(sanitizeHighlight('')).toBe('')
  })

  it('leaves no markup a browser would run', () => {
    const host = document.createElement('div')
    host.innerHTML = sanitizeHighlight('<em>茶</em><iframe src="javascript:alert(1)"></iframe><b>粗</b>')
    expect([...host.querySelectorAll('*')].map((e) => e.tagName)).toEqual(['EM'])
    expect(host.textContent).toBe('茶<iframe src="javascript:alert(1)"></iframe><b>粗</b>')
  })
})

describe('escapeHtml and highlightText', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;')
  })

  it('drops the markup of a highlight', () => {
    expect(highlightText('雷山<em>银球茶</em>')).toBe('雷山银球茶')
  })
})
