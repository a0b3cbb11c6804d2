// A rollup plugin that shrinks the static text of Lit's `html`, `svg` and `css` templates:
// runs of white space become one space, CSS comments go, and spaces beside CSS punctuation
// that never needs them go. Only the literal parts change, never an expression, and the
// result renders the same: HTML collapses white space itself (one space is kept, since a
// space between inline elements shows), and no template of the elements keeps white space
// with `pre` (such text comes from expressions).
import MagicString from 'magic-string';

const TAGS = new Set(['html', 'svg', 'css']);

/** A template's literal text, smaller; `css` also loses comments and spaces beside `{};,>:`. */
export function minifyLiteral(text, tag) {
  let out = text;
  if (tag === 'css') out = out.replace(/\/\*[\s\S]*?\*\//g, '');
  out = out.replace(/\s+/g, ' ');
  // In CSS a colon followed by a space only ends a property name (a selector's colon is
  // never followed by one), so that space goes too.
  if (tag === 'css') out = out.replace(/ ?([{};,>]) ?/g, '$1').replace(/: /g, ':');
  return out;
}

/** Walks an ESTree node, calling `visit` on every tagged template. */
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  if (node.type === 'TaggedTemplateExpression') visit(node);
  for (const key in node) {
    const child = node[key];
    if (Array.isArray(child)) for (const item of child) walk(item, visit);
    else if (child && typeof child.type === 'string') walk(child, visit);
  }
}

export default function minifyTemplates({ include = /packages\/elements\/src\/.*\.ts$/ } = {}) {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!include.test(id) || !/\b(html|svg|css)`/.test(code)) return null;
      const ast = this.parse(code);
      const text = new MagicString(code);
      walk(ast, (node) => {
        const tag = node.tag.type === 'Identifier' ? node.tag.name : undefined;
        if (!TAGS.has(tag)) return;
        for (const quasi of node.quasi.quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          const small = minifyLiteral(raw, tag);
          if (small !== raw && quasi.end > quasi.start)
            text.overwrite(quasi.start, quasi.end, small);
        }
      });
      return { code: text.toString(), map: text.generateMap({ hires: true }) };
    },
  };
}
