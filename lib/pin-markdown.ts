/**
 * A pin as GitHub-flavoured Markdown, ready to paste into an issue, a pull
 * request or a chat: title, pick, note, the chosen rows as a table (both
 * engines' values and the row's winner), the weighted verdict with the rows
 * that decided it, provenance, and the share link at the end. Pure.
 *
 * Everything that comes from the pin or the dataset is text, never markup:
 * characters Markdown or HTML would act on are escaped, so a value with `|`
 * stays in its cell and a note cannot open a tag or a code span.
 */
import { NO_VALUE, comparedEngines, findComparison } from './comparison-view';
import { pinRows } from './pin-edit';
import { PRIORITY_KEYS, PRIORITY_LABELS, type Pin } from './pins';
import type { Dataset, Engine } from './schema';
import { weighVerdict, type WeightedVerdict } from './weighted-verdict';

/**
 * Text as Markdown that shows exactly that text, inline: the punctuation
 * that makes emphasis, code, links, tables and strikethrough is
 * backslash-escaped, `&`, `<` and `>` become entities (GFM passes HTML
 * through), line breaks become spaces (a table cell is one line).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** One line of text that must not start a block (heading, list, rule) either. */
function escapeLine(line: string): string {
  return escapeMarkdown(line).replace(/^(\s*)([#+=-]|\d+(?=[.)]))/, (_m, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}

/** A multi-line note as a blockquote, each line escaped. */
function quote(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeLine(line)}`))
    .join('\n');
}

function nameOf(engines: readonly Engine[], id: string | null): string {
  if (id === null) return 'Undecided';
  return engines.find((e) => e.id === id)?.name ?? id;
}

/** The weighted verdict in one or two sentences of Markdown. */
export function verdictMarkdown(verdict: WeightedVerdict, engines: readonly Engine[]): string {
  if (verdict.kind === 'not-enough-data') return `Not enough data: ${escapeMarkdown(verdict.reason)}`;
  const [a, b] = engines;
  const score = (e: Engine | undefined) => (e ? `${escapeMarkdown(e.name)} ${verdict.points[e.id] ?? 0}` : '');
  const points = `${score(a)}, ${score(b)} of ${verdict.total} weighted points`;
  if (verdict.kind === 'tie') return `The team's priorities are evenly split: ${points}.`;
  const decided = verdict.decidedBy
    .map((d) => `${escapeMarkdown(d.title)} (${escapeMarkdown(PRIORITY_LABELS[d.topic].toLowerCase())} ×${d.weight})`)
    .join(', ');
  return `The team's priorities favour **${escapeMarkdown(nameOf(engines, verdict.leader))}** by ${verdict.margin} (${points}). Decided by: ${decided}.`;
}

export interface PinMarkdownInput {
  pin: Pin;
  dataset: Dataset;
  /** The share link, or why there is none (too big for a link). */
  share: { link: string } | { unavailable: string };
}

/** The pin as GFM. */
export function pinMarkdown({ pin, dataset, share }: PinMarkdownInput): string {
  const comparison = findComparison(dataset, pin.comparisonId);
  const engines = comparison ? comparedEngines(dataset, comparison) : [];
  const lines: string[] = [];
  lines.push(`### ${escapeMarkdown(pin.title)}`, '');
  const who = pin.team ? `**Team:** ${escapeMarkdown(pin.team)} · ` : '';
  lines.push(`${who}**Pick:** ${escapeMarkdown(nameOf(engines, pin.pick))}`, '');
  if (pin.note.trim()) lines.push(quote(pin.note), '');

  const rows = pinRows(pin, comparison);
  if (rows.length > 0 && engines.length >= 2) {
    const [a, b] = engines as [Engine, Engine];
    lines.push(`| Row | ${escapeMarkdown(a.name)} | ${escapeMarkdown(b.name)} | Winner |`, '| --- | --- | --- | --- |');
    for (const row of rows) {
      if (!row.present) {
        lines.push(`| ${escapeMarkdown(row.label)} | ${NO_VALUE} | ${NO_VALUE} | not in the current data |`);
        continue;
      }
      const value = (id: string) => {
        const figure = Object.hasOwn(row.row.values, id) ? row.row.values[id] : undefined;
        return figure ? escapeMarkdown(figure.raw) : NO_VALUE;
      };
      const winner = row.kind === 'difference' ? (row.row.winner ? escapeMarkdown(nameOf(engines, row.row.winner)) : 'No winner') : NO_VALUE;
      lines.push(`| ${escapeMarkdown(row.label)} | ${value(a.id)} | ${value(b.id)} | ${winner} |`);
    }
    lines.push('');
  }

  if (comparison && engines.length >= 2) {
    const weights = PRIORITY_KEYS.filter((k) => pin.priorities[k] > 0)
      .map((k) => `${escapeMarkdown(PRIORITY_LABELS[k])} ${pin.priorities[k]}`)
      .join(', ');
    const verdict = weighVerdict(comparison.keyDifferences, [engines[0]!.id, engines[1]!.id], pin.priorities);
    lines.push(`**Weighted verdict** (priorities: ${weights || 'none'}): ${verdictMarkdown(verdict, engines)}`, '');
    const published = engines
      .map((e) => `${escapeMarkdown(e.name)} ${comparison.verdict.scores[e.id]?.toFixed(1) ?? NO_VALUE}`)
      .join(' / ');
    lines.push(`**Published verdict:** ${published}`, '');
    const p = comparison.provenance;
    const source = p.sourceUrl ? `[${escapeMarkdown(p.sourceTitle)}](<${p.sourceUrl}>)` : escapeMarkdown(p.sourceTitle);
    const ai = p.aiGenerated ? ' · AI generated' : '';
    lines.push(`<sub>Source: ${source} · ${escapeMarkdown(p.publishedLabel)}${ai} · pinned against dataset ${escapeMarkdown(pin.datasetVersion)}</sub>`, '');
  }

  lines.push('link' in share ? `[Open this pin in Engine Lens](<${share.link}>)` : `_${escapeMarkdown(share.unavailable)}_`);
  return `${lines.filter((line, i, all) => !(line === '' && all[i - 1] === '')).join('\n').trim()}\n`;
}
