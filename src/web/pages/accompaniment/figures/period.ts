/** The period of the dashboard's accompaniment line: the dashboard's dates when they are whole days, else this year so far. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function summaryPeriod(from: string, to: string, today: string): { from: string; to: string } {
  return { from: DAY.test(from) ? from : `${today.slice(0, 4)}-01-01`, to: DAY.test(to) ? to : today };
}
