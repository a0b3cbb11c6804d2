// A volunteer programme running in the page: rebuilt from the example community's event log,
// then shared by every widget through one provider. The widgets write through it; nothing here
// but the rebuild.
import { createVolunteerProgram } from '@lanewise/core/program';
import '@lanewise/elements';

const status = document.getElementById('status');
const [events, policy] = await Promise.all(
  ['../data/program-events.json', '../data/program-policy.json'].map(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  }),
);
const started = performance.now();
const program = createVolunteerProgram({ now: () => new Date(), policy, events });
program.snapshot();
status.textContent = `已从 ${events.length.toLocaleString('zh-CN')} 条事件重建项目（${Math.round(
  performance.now() - started,
)} 毫秒），以下组件实时跟随它。`;
document.getElementById('provider').ledger = program;
// For the console: `program.hours.list()`, `program.points.balance('volunteer:v-li-hua')`.
globalThis.program = program;
