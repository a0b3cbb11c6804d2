/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rollup } from 'rollup';
// @ts-expect-error: a plain ES module of the build, without types.
import minifyTemplates, { minifyLiteral } from '../../scripts/minify-templates.mjs';

describe('the build’s template minifier', () => {
  it('collapses white space in HTML to one space, which still shows between inline elements', () => {
    assert.equal(
      minifyLiteral(
        '\n    <p>\n      <strong>a</strong>\n      <span>b</span>\n    </p>\n',
        'html',
      ),
      ' <p> <strong>a</strong> <span>b</span> </p> ',
    );
  });

  it('drops CSS comments and the spaces CSS never needs, keeping those that matter', () => {
    assert.equal(
      minifyLiteral(
        '\n  /* why */\n  :host {\n    margin: calc(1px + 2px) 0;\n  }\n  a :hover , b > c {\n    color: red;\n  }\n',
        'css',
      ),
      ' :host{margin:calc(1px + 2px) 0;}a :hover,b>c{color:red;}',
    );
  });

  it('changes only the literal parts of html, svg and css templates, never an expression', async () => {
    const source = [
      'const html = (s, ...v) => [s.raw, v]; const css = html; const other = html;',
      'export const a = html`<p>\n   ${"  keep   me  "}\n   </p>`;',
      'export const b = css`a {\n  color: red;\n}`;',
      'export const c = other`<p>\n   x</p>`;',
    ].join('\n');
    const bundle = await rollup({
      input: 'entry.ts',
      plugins: [
        { name: 'virtual', resolveId: (id) => id, load: () => source },
        minifyTemplates({ include: /entry\.ts$/ }),
      ],
    });
    const { output } = await bundle.generate({ format: 'es' });
    const code = output[0].code;
    assert.ok(code.includes('html`<p> ${"  keep   me  "} </p>`'), code);
    assert.ok(code.includes('css`a{color:red;}`'), code);
    assert.ok(code.includes('other`<p>\n   x</p>`'), code);
  });
});
