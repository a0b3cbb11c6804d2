// Who and what the fictional community has: its volunteers, organisers, activities, stations
// and the catalog of its redemption points. Every name is made up.

/** Volunteer ids, as the community's register writes them. */
export const VOLUNTEER_NAMES: readonly string[] = (() => {
  const family = ['li', 'wang', 'zhang', 'liu', 'chen', 'yang', 'zhao', 'huang', 'zhou', 'wu'];
  const given = ['hua', 'fang', 'min', 'jing', 'lei', 'yan', 'jun'];
  // Sixty distinct names: each family name with six given names, interleaved.
  return Array.from(
    { length: 60 },
    (_, i) => `v-${family[i % family.length]}-${given[(i + Math.floor(i / 10)) % given.length]}`,
  );
})();

/** The organisers who record and approve hours. */
export const ORGANIZERS = ['org-wang', 'org-zhao', 'org-sun'] as const;

/** A regular activity: when it usually starts, how long it lasts, and its point tags. */
export interface Activity {
  readonly id: string;
  readonly startHour: number;
  readonly minMinutes: number;
  /** Extra half hours a session may run. */
  readonly spread: number;
  readonly tags: readonly string[];
  readonly note: string;
}

export const ACTIVITIES: readonly Activity[] = [
  {
    id: '助老探访',
    startHour: 9,
    minMinutes: 90,
    spread: 4,
    tags: ['elderly'],
    note: '陪同独居老人就医',
  },
  {
    id: '便民维修',
    startHour: 8,
    minMinutes: 150,
    spread: 4,
    tags: ['repair'],
    note: '修理电动车和小家电',
  },
  {
    id: '垃圾分类督导',
    startHour: 7,
    minMinutes: 60,
    spread: 3,
    tags: ['environment'],
    note: '早高峰投放点值守',
  },
  {
    id: '平安巡逻',
    startHour: 19,
    minMinutes: 90,
    spread: 3,
    tags: ['safety'],
    note: '夜间楼道消防通道检查',
  },
  {
    id: '课业辅导',
    startHour: 14,
    minMinutes: 120,
    spread: 3,
    tags: ['youth'],
    note: '小学生作业辅导',
  },
  {
    id: '环境清洁',
    startHour: 8,
    minMinutes: 90,
    spread: 4,
    tags: ['environment'],
    note: '清理楼道小广告',
  },
];

/** The two places that hand out items, each with its clerk. */
export const STATIONS = [
  { id: 'huana-station', clerk: 'clerk-liu' },
  { id: 'nanmen-point', clerk: 'clerk-he' },
] as const;

/** The catalog: what points buy, at which station, with what limits. */
export const ITEMS = [
  {
    id: 'oil-5l',
    name: '食用油 5 升',
    cost: 300,
    stock: 30,
    stationId: 'huana-station',
    limit: { count: 1, per: 'quarter' },
  },
  {
    id: 'rice-10kg',
    name: '大米 10 公斤',
    cost: 400,
    stock: 20,
    stationId: 'huana-station',
    limit: { count: 1, per: 'quarter' },
  },
  { id: 'detergent', name: '洗衣液 2 公斤', cost: 120, stock: 60, stationId: 'huana-station' },
  {
    id: 'haircut',
    name: '理发券',
    cost: 80,
    stock: 100,
    stationId: 'nanmen-point',
    limit: { count: 2, per: 'month' },
  },
  { id: 'towels', name: '纯棉毛巾两条', cost: 40, stock: 80, stationId: 'nanmen-point' },
  {
    id: 'movie',
    name: '社区影院观影券',
    cost: 150,
    stock: 8,
    stationId: 'nanmen-point',
    limit: { count: 1, per: 'month' },
  },
] as const;
