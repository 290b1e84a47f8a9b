import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|vue)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

// static `import ... from '...'`, `export ... from '...'` and dynamic `import('...')`; `import type` erases at build time
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

function resolveImport(from: string, spec: string): string | null {
  let base: string
  if (spec.startsWith('@/')) base = join(SRC, spec.slice(2))
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec)
  else return null // a package
  for (const candidate of [base, `${base}.ts`, `${base}.vue`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

/** The import graph of src: file -> the src files it imports. */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const targets = new Set<string>()
    for (const m of text.matchAll(IMPORT)) {
      const target = resolveImport(file, (m[1] ?? m[2])!)
      if (target && !target.endsWith('.d.ts') && /\.(ts|vue)$/.test(target)) targets.add(target)
    }
    graph.set(file, [...targets])
  }
  return graph
}

/** Every cycle found by a depth-first walk, each as the list of files along it (first repeated last). */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string) => {
    state.set(file, 'open')
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) if (!state.has(file)) visit(file)
  return found
}

describe('the import graph of src', () => {
  it('finds a planted cycle', () => {
    const graph = new Map([
      ['store.ts', ['client.ts']],
      ['client.ts', ['router.ts']],
      ['router.ts', ['store.ts']],
      ['page.vue', ['store.ts']],
    ])
    expect(cycles(graph)).toEqual([['store.ts', 'client.ts', 'router.ts', 'store.ts']])
  })

  it('reads static, re-exported and dynamic imports, not type-only ones', () => {
    const graph = importGraph([join(SRC, 'main.ts'), join(SRC, 'router.ts')])
    const rel = (f: string) => relative(SRC, f)
    expect(graph.get(join(SRC, 'main.ts'))!.map(rel)).toEqual(expect.arrayContaining(['router.ts', 'App.vue']))
    expect(graph.get(join(SRC, 'router.ts'))!.map(rel)).toEqual(expect.arrayContaining(['pages/LoginPage.vue']))
    expect(graph.get(join(SRC, 'router.ts'))!.map(rel)).not.toContain('services/api/types.ts')
  })

  it('has no import cycle', () => {
    const found = cycles(importGraph(sourceFiles(SRC))).map((c) => c.map((f) => relative(SRC, f)).join(' -> '))
    expect(found).toEqual([])
  })
})
