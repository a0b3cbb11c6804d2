// `npm run elements-doc`: writes the reference part of docs/elements.md from the
// custom-elements manifest (`npm run manifest`), so that the attributes, properties, events,
// slots, parts and custom properties documented are exactly those of the JSDoc in the code.
// The hand-written text above the marker line is kept as it is.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

const MARKER =
  '<!-- The reference below is written by `npm run elements-doc`; edit the JSDoc instead. -->';
const docPath = new URL('../docs/elements.md', import.meta.url);
const manifest = JSON.parse(
  readFileSync(new URL('../packages/elements/custom-elements.json', import.meta.url), 'utf8'),
);

/** A table cell: one line, pipes escaped. */
const cell = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

/** A markdown table, or nothing when there are no rows. */
function table(title, head, rows) {
  if (rows.length === 0) return '';
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return `**${title}**\n\n${lines.join('\n')}\n`;
}

/** The reference section of one element. */
function section(declaration) {
  const tag = declaration.tagName;
  const attributes = declaration.attributes ?? [];
  const attributeOf = new Map(attributes.map((a) => [a.fieldName ?? a.name, a.name]));
  const properties = (declaration.members ?? []).filter(
    (member) =>
      member.kind === 'field' &&
      !member.static &&
      member.privacy !== 'private' &&
      member.privacy !== 'protected' &&
      !member.name.startsWith('_') &&
      member.description,
  );
  const parts = [
    `### \`<${tag}>\``,
    '',
    cell(declaration.summary ?? ''),
    '',
    declaration.description ? `${declaration.description.trim()}\n` : '',
    existsSync(new URL(`images/${tag}.png`, docPath)) ? `![<${tag}>](images/${tag}.png)\n` : '',
    table(
      'Attributes and properties',
      ['property', 'attribute', 'type', 'default', 'description'],
      properties.map((p) => [
        `\`${p.name}\``,
        attributeOf.has(p.name) ? `\`${attributeOf.get(p.name)}\`` : '',
        p.type?.text ? `\`${p.type.text}\`` : '',
        p.default ? `\`${p.default}\`` : '',
        p.description,
      ]),
    ),
    table(
      'Events',
      ['event', 'description'],
      (declaration.events ?? []).map((e) => [`\`${e.name}\``, e.description]),
    ),
    table(
      'Slots',
      ['slot', 'description'],
      (declaration.slots ?? []).map((s) => [s.name ? `\`${s.name}\`` : '(default)', s.description]),
    ),
    table(
      'Parts',
      ['part', 'description'],
      (declaration.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description]),
    ),
    table(
      'Custom properties',
      ['property', 'description'],
      (declaration.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.description]),
    ),
  ];
  return parts.filter((part) => part !== '').join('\n');
}

const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

const current = readFileSync(docPath, 'utf8');
const head = current.includes(MARKER) ? current.slice(0, current.indexOf(MARKER)) : current;
const reference = elements.map(section).join('\n');
const file = fileURLToPath(docPath);
const text = `${head}${MARKER}\n\n## Reference\n\n${reference}`;
writeFileSync(docPath, await format(text, { ...(await resolveConfig(file)), filepath: file }));
console.log(`docs/elements.md: ${elements.length} elements`);
