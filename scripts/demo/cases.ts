// The community station's year of cases: about 400 problems residents brought to the station,
// a corner shop, the hotline or the app, routed by the Liuzhou-style rules of
// examples/rules/liuzhou.json, handled, resolved, followed up and closed; a few still open,
// some late and chased. Built with the core's live calls, from a seeded random sequence.
import { readFileSync } from 'node:fs';
import { cnCalendar } from '../../packages/core/src/calendar/index.js';
import { manualClock } from '../../packages/core/src/clock.js';
import { createCaseBook, type CaseBook } from '../../packages/core/src/cases/index.js';
import type { CaseActionKind } from '../../packages/core/src/cases/types.js';
import { DEMO_NOW } from './community.js';
import { seededRandom } from './random.js';

/** The rule set the station routes by. */
export const demoRules = (): unknown =>
  JSON.parse(readFileSync(new URL('../../examples/rules/liuzhou.json', import.meta.url), 'utf8'));

/** A kind of problem: its category, the titles residents give it, and how it is handled. */
interface Problem {
  readonly category: string;
  readonly titles: readonly string[];
  readonly weight: number;
  /** The action that settles it: kind and type. */
  readonly action: readonly [CaseActionKind, string];
}

const PROBLEMS: readonly Problem[] = [
  {
    category: 'litter',
    weight: 9,
    action: ['service', 'clean-up'],
    titles: ['楼道堆放垃圾', '绿化带垃圾未清', '垃圾桶满溢'],
  },
  {
    category: 'clutter',
    weight: 6,
    action: ['service', 'clean-up'],
    titles: ['楼道堆放杂物', '消防通道被占'],
  },
  {
    category: 'shared-bikes',
    weight: 4,
    action: ['service', 'tidy-bikes'],
    titles: ['共享单车堵住小区门口'],
  },
  {
    category: 'fly-posting',
    weight: 3,
    action: ['service', 'remove-posters'],
    titles: ['单元门贴满小广告'],
  },
  {
    category: 'enquiry',
    weight: 6,
    action: ['service', 'answer'],
    titles: ['咨询居住证办理', '询问高龄补贴申领'],
  },
  {
    category: 'help-request',
    weight: 4,
    action: ['service', 'home-visit'],
    titles: ['独居老人需要帮忙买药', '轮椅借用'],
  },
  {
    category: 'street-stall',
    weight: 4,
    action: ['manage', 'persuade'],
    titles: ['早市占道经营', '路口流动摊贩'],
  },
  {
    category: 'noise',
    weight: 6,
    action: ['manage', 'mediation'],
    titles: ['夜间广场舞噪音', '装修噪音扰民', '楼上深夜噪音'],
  },
  {
    category: 'cooking-fumes',
    weight: 3,
    action: ['manage', 'mediation'],
    titles: ['餐馆油烟直排'],
  },
  {
    category: 'street-light',
    weight: 4,
    action: ['service', 'repair'],
    titles: ['路灯不亮', '小区路灯闪烁'],
  },
  {
    category: 'facility-damage',
    weight: 4,
    action: ['service', 'repair'],
    titles: ['健身器材损坏', '井盖松动'],
  },
  {
    category: 'green-damage',
    weight: 2,
    action: ['manage', 'restore-green'],
    titles: ['绿地被私自种菜'],
  },
  {
    category: 'illegal-building',
    weight: 2,
    action: ['enforce', 'demolition-order'],
    titles: ['楼顶违建阳光房', '私自扩建院墙'],
  },
  {
    category: 'muck-transport',
    weight: 1,
    action: ['enforce', 'inspection'],
    titles: ['渣土车夜间抛洒'],
  },
];

const CHANNELS = ['station', 'station', 'hotline', 'hotline', 'app', 'shop'] as const;
const HANDLER_OF: Record<string, string> = {
  onsite: 'station-zhou',
  coordinated: 'squad-li',
  joint: 'bureau-chen',
};

const pad = (n: number) => String(n).padStart(2, '0');
const FIRST_DAY = Date.UTC(2025, 11, 1);
const dayOf = (index: number) =>
  new Date(FIRST_DAY + index * 86_400_000).toISOString().slice(0, 10);
const DAY_MS = 24 * 3_600_000;
const at = (day: string, minutes: number) =>
  `${day}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00+08:00`;
const plusMinutes = (instant: string, minutes: number) =>
  new Date(Date.parse(instant) + minutes * 60_000).toISOString();

/** Builds the station's case book through the core's live calls. */
export function buildDemoCases(): CaseBook {
  const random = seededRandom(12345);
  const clock = manualClock('2025-12-01T07:00:00+08:00');
  const book = createCaseBook({
    routing: demoRules() as never,
    calendar: cnCalendar,
    now: clock.now,
  });
  const totalWeight = PROBLEMS.reduce((sum, problem) => sum + problem.weight, 0);
  const pick = () => {
    let roll = random() * totalWeight;
    for (const problem of PROBLEMS) if ((roll -= problem.weight) < 0) return problem;
    return PROBLEMS[0]!;
  };

  // Each day's intake, then each open case's next step once its time has come.
  const steps: { at: string; run: () => void }[] = [];
  let serial = 0;
  for (let day = 0; day < 365; day += 1) {
    const date = dayOf(day);
    const count = random() < 0.1 ? 3 : random() < 0.45 ? 1 : random() < 0.5 ? 2 : 0;
    for (let i = 0; i < count; i += 1) {
      const problem = pick();
      serial += 1;
      const id = `HA-${date.replaceAll('-', '')}-${String(serial).padStart(4, '0')}`;
      const receivedAt = at(date, 8 * 60 + Math.floor(random() * 600));
      const attributes =
        problem.category === 'noise' ? { reports: 1 + Math.floor(random() * 4) } : undefined;
      steps.push({
        at: receivedAt,
        run: () => {
          const record = book.open({
            id,
            category: problem.category,
            title: problem.titles[Math.floor(random() * problem.titles.length)]!,
            receivedAt,
            channel: CHANNELS[Math.floor(random() * CHANNELS.length)]!,
            location: { address: `华安社区 ${1 + Math.floor(random() * 24)} 栋` },
            ...(attributes === undefined ? {} : { attributes }),
          });
          planHandling(record.id, record.tier, record.dueAt, receivedAt, problem);
        },
      });
    }
  }

  /**
   * How a case goes: most on time, some late, the last weeks' still open; a resident who is
   * not satisfied has the case reopened and handled again (`redo`), satisfied the second time.
   */
  function planHandling(
    id: string,
    tier: string,
    dueAt: string,
    receivedAt: string,
    problem: Problem,
    redo = false,
  ) {
    const by = HANDLER_OF[tier] ?? 'station-zhou';
    const late = random() < 0.06;
    const window = Math.max(30, (Date.parse(dueAt) - Date.parse(receivedAt)) / 60_000);
    const resolveAfter = late
      ? window + 60 * 24 * (2 + Math.floor(random() * 5))
      : window * (0.2 + 0.6 * random());
    const acceptAfter = Math.min(20, resolveAfter / 4);
    const acceptAt = plusMinutes(receivedAt, acceptAfter);
    const actAt = plusMinutes(receivedAt, Math.max(acceptAfter + 5, resolveAfter * 0.8));
    const resolveAt = plusMinutes(receivedAt, Math.max(acceptAfter + 10, resolveAfter));
    const followAt = plusMinutes(resolveAt, 60 * 24);
    // The last twelve days' cases, and those still inside their deadline, stop partway as open work.
    const end = Date.parse(DEMO_NOW);
    const recent = Date.parse(receivedAt) > end - 12 * DAY_MS || Date.parse(dueAt) > end;
    steps.push({ at: acceptAt, run: () => book.accept(id, { by }) });
    if (recent && random() < 0.6) return;
    steps.push({
      at: actAt,
      run: () =>
        book.act(id, {
          id: `${id}-a${redo ? 2 : 1}`,
          kind: problem.action[0],
          type: problem.action[1],
          by,
          at: actAt,
        }),
    });
    if (recent && random() < 0.5) return;
    const outcome = problem.action[1] === 'mediation' ? 'mediated' : 'resolved';
    steps.push({ at: resolveAt, run: () => book.resolve(id, { by, outcome }) });
    const roll = random();
    const rating = redo
      ? 'satisfied'
      : roll < 0.92
        ? 'satisfied'
        : roll < 0.97
          ? 'basic'
          : 'unsatisfied';
    steps.push({
      at: followAt,
      run: () => {
        book.followUp(id, {
          rating,
          at: followAt,
          ...(rating === 'unsatisfied' ? { comment: '问题反复出现' } : {}),
        });
        if (rating !== 'unsatisfied') {
          book.close(id);
          return;
        }
        const reopened = book.get(id)!;
        planHandling(id, reopened.tier, reopened.dueAt, followAt, problem, true);
      },
    });
  }

  // Run every step in time order, with the daily review at nine.
  const end = Date.parse(DEMO_NOW);
  let reviewDay = 0;
  for (let i = 0; i < steps.length; i += 1) {
    steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const step = steps[i]!;
    const time = Date.parse(step.at);
    if (time > end) break;
    while (reviewDay < 365 && Date.parse(at(dayOf(reviewDay), 9 * 60)) <= time) {
      clock.set(at(dayOf(reviewDay), 9 * 60));
      book.review();
      reviewDay += 1;
    }
    clock.set(new Date(time));
    step.run();
  }
  clock.set(DEMO_NOW);
  book.review();
  return book;
}
