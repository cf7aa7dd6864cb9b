import { parseDocument } from "yaml";
function time(name, text, opts = {}) {
  const t = performance.now();
  let r;
  try { const d = parseDocument(text, { uniqueKeys: true, merge: true, strict: true, prettyErrors: false }); if (d.errors.length) r = "err " + d.errors[0].message.slice(0, 60); else { d.toJS({ maxAliasCount: opts.max ?? 100 }); r = "ok"; } } catch (e) { r = "throw " + e.message.slice(0, 60); }
  console.log(name, text.length, r, (performance.now() - t).toFixed(0) + "ms");
}
// merge bomb
let m = "a0: &a0 {k0: 1, k1: 2, k2: 3}\n";
for (let i = 1; i < 25; i++) m += `a${i}: &a${i} {<<: [${Array(9).fill(`*a${i - 1}`).join(",")}], x${i}: 1}\n`;
time("merge-bomb", m);
time("merge-bomb-unlimited", m, { max: -1 });
// many distinct anchors (quadratic resolve)
for (const n of [2000, 10000, 40000]) {
  let q = ""; for (let i = 0; i < n; i++) q += `a${i}: &a${i} v\nb${i}: *a${i}\n`;
  time("many-aliases-" + n, q);
}
// one anchor aliased 150 times
let s = "x: &x {a: 1}\n"; for (let i = 0; i < 150; i++) s += `y${i}: *x\n`;
time("alias150", s);
