// Where the time goes in a V8 CPU profile (node --cpu-prof): self time grouped by package
// (node_modules/<name>) or by our own module (dist/…), GC and the rest, as shares of the total.
// Run: node scripts/profile-summary.mjs FILE.cpuprofile [--top N] [--functions]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 15;
const profile = JSON.parse(readFileSync(file, 'utf8'));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}

function group(node) {
  const { url, functionName } = node.callFrame;
  if (!url) return `(${functionName || 'native'})`.replace(/^\(\((.*)\)\)$/, '($1)');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/(dist|src|scripts)\/(.*)$/.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

const groups = new Map();
const functions = new Map();
let total = 0;
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  if (node.callFrame.functionName === '(idle)') continue;
  total += us;
  const g = group(node);
  groups.set(g, (groups.get(g) ?? 0) + us);
  const f = `${node.callFrame.functionName || '(anonymous)'} ${g}:${node.callFrame.lineNumber + 1}`;
  functions.set(f, (functions.get(f) ?? 0) + us);
}
const print = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([name, us]) => console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`));
console.log(`total ${(total / 1000).toFixed(0)} ms of samples (idle excluded)`);
print(groups);
if (args.includes('--functions')) {
  console.log('\nfunctions:');
  print(functions);
}
