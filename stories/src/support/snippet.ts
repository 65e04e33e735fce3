/**
 * The "Show code" of a widget story: the HTML an embedder would write for the story's args (DESIGN.md
 * "Who uses it": a script tag and a few `<wb-*>` tags), with a script line for property-only data.
 */
import { declarationOf } from './manifest.js';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function htmlSnippet(tag: string, args: Record<string, unknown>): string {
  const members = new Map((declarationOf(tag)?.members ?? []).map((m) => [m.name, m]));
  const attrs: string[] = [];
  const props: string[] = [];
  const styles: string[] = [];
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || value === '' || typeof value === 'function') continue;
    if (key.startsWith('--')) {
      styles.push(`${key}: ${String(value)}`);
      continue;
    }
    const member = members.get(key);
    if (member?.kind !== 'field') continue;
    // The element's own default needs no markup (the manifest has it as source text: 0.8, 'below', null).
    if (member.default !== undefined && [String(value), `'${String(value)}'`].includes(member.default))
      continue;
    if (member.attribute && (typeof value === 'string' || typeof value === 'number')) {
      attrs.push(`${member.attribute}="${escapeAttr(String(value))}"`);
    } else if (member.attribute && typeof value === 'boolean') {
      if (value) attrs.push(member.attribute);
    } else {
      props.push(`el.${key} = ${JSON.stringify(value)};`);
    }
  }
  if (styles.length) attrs.push(`style="${escapeAttr(styles.join('; '))}"`);
  const open =
    attrs.length > 3
      ? `<${tag}\n  ${attrs.join('\n  ')}\n>`
      : `<${tag}${attrs.map((a) => ` ${a}`).join('')}>`;
  const element = `${open}</${tag}>`;
  if (!props.length) return element;
  return `${element}\n<script type="module">\n  const el = document.querySelector('${tag}');\n  ${props.join('\n  ')}\n</script>`;
}

/**
 * Parameters of stories that are more than one element from args (galleries, boards, scenarios): their
 * "Show code" is the story's own source instead of a generated tag.
 */
export const SHOW_STORY_SOURCE = { snippet: false, docs: { source: { language: 'ts' } } } as const;
