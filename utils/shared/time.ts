/** Local-time midnight at the start of the day containing `ms`. */
export function startOfLocalDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Local-time midnight starting the day after the one containing `ms`. */
export function startOfNextLocalDay(ms: number): number {
  const d = new Date(startOfLocalDay(ms));
  d.setDate(d.getDate() + 1);
  return d.getTime();
}

/** Shifts a day start by whole local days (DST-safe). */
export function addLocalDays(dayStart: number, days: number): number {
  const d = new Date(dayStart);
  d.setDate(d.getDate() + days);
  return startOfLocalDay(d.getTime());
}

/** YYYY-MM-DD of the local day containing `ms`. */
export function localDateKey(ms: number): string {
  const d = new Date(ms);
  const month = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${month}-${day}`;
}
