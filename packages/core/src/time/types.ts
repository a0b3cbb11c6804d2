/** A calendar period, cut in a community's time zone. */
export type CalendarPeriod = 'day' | 'week' | 'month' | 'quarter' | 'year';
