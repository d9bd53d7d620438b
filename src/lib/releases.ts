/**
 * Release cycles of the frameworks and their runtimes, as data: read from endoflife.date (its public API, or the
 * YAML of its repository), corrected or extended by our own sourced overrides, and judged against a date.
 * Pure functions only; `scripts/facts-refresh.ts` does the fetching and writing, `src/content.config.ts` the schema.
 */

/** "2026-11-27". */
export type IsoDate = string;

/**
 * A date, or a flag where the source has no date: `false` means "not announced" (or "not yet"), `true` means
 * "already passed, date unknown". The same convention as endoflife.date's YAML.
 */
export type Milestone = IsoDate | boolean;

export interface ReleaseCycle {
  /** The release line, e.g. "5.2", "24", "10". */
  cycle: string;
  releaseDate: IsoDate;
  /** Long-term support line (for Node.js: became LTS; see ltsFrom). */
  lts: boolean;
  /** When a release line became LTS, where that happens after its release (Node.js). */
  ltsFrom?: IsoDate | undefined;
  /** End of active support (bug fixes); `false` where the project draws no such line or has not announced it. */
  eoas: Milestone;
  /** End of security support. */
  eol: Milestone;
  /** Latest patch release of the line, and its date. */
  latest?: string | undefined;
  latestDate?: IsoDate | undefined;
}

/** An override adds a cycle the data predates, or corrects fields of one it has; it always names its source. */
export type CycleOverride = { [K in keyof ReleaseCycle]?: ReleaseCycle[K] | undefined } & {
  cycle: string;
  source: string;
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isoOrUndefined = (value: unknown): IsoDate | undefined =>
  typeof value === 'string' && ISO.test(value) ? value : undefined;

/** A milestone from the API's pair of fields: a date when there is one, else whether it has passed. */
function milestone(from: unknown, passed: unknown): Milestone {
  return isoOrUndefined(from) ?? passed === true;
}

/** endoflife.date API v1 (`/api/v1/products/<name>/`): `result.releases[]`. */
export function cyclesFromApi(body: unknown): ReleaseCycle[] {
  const releases = (body as { result?: { releases?: unknown } })?.result?.releases;
  if (!Array.isArray(releases)) throw new Error('not an endoflife.date product response: result.releases is missing');
  return releases.map((r: Record<string, unknown>) => {
    const releaseDate = isoOrUndefined(r['releaseDate']);
    if (typeof r['name'] !== 'string' || !releaseDate)
      throw new Error(`release ${JSON.stringify(r['name'])} has no name or release date`);
    const latest = r['latest'] as { name?: unknown; date?: unknown } | null | undefined;
    return tidy({
      cycle: r['name'],
      releaseDate,
      lts: r['isLts'] === true,
      ltsFrom: isoOrUndefined(r['ltsFrom']),
      eoas: milestone(r['eoasFrom'], r['isEoas']),
      eol: milestone(r['eolFrom'], r['isEol']),
      latest: typeof latest?.name === 'string' ? latest.name : undefined,
      latestDate: isoOrUndefined(latest?.date),
    });
  });
}

/** endoflife.date's own YAML (`products/<name>.md` front matter): `releases[]`. */
export function cyclesFromProductYaml(data: unknown): ReleaseCycle[] {
  const releases = (data as { releases?: unknown })?.releases;
  if (!Array.isArray(releases)) throw new Error('not an endoflife.date product file: releases is missing');
  const flag = (value: unknown): Milestone => isoOrUndefined(value) ?? value === true;
  return releases.map((r: Record<string, unknown>) => {
    const releaseDate = isoOrUndefined(r['releaseDate']);
    if (typeof r['releaseCycle'] !== 'string' || !releaseDate)
      throw new Error(`release ${JSON.stringify(r['releaseCycle'])} has no cycle or release date`);
    return tidy({
      cycle: r['releaseCycle'],
      releaseDate,
      // Node.js gives the date a line became LTS; others say true or nothing.
      lts: r['lts'] === true || isoOrUndefined(r['lts']) !== undefined,
      ltsFrom: isoOrUndefined(r['lts']),
      eoas: flag(r['eoas']),
      eol: flag(r['eol']),
      latest: typeof r['latest'] === 'string' ? r['latest'] : undefined,
      latestDate: isoOrUndefined(r['latestReleaseDate']),
    });
  });
}

/** Drops undefined fields, so data compares and serialises the same whichever source it came from. */
function tidy(cycle: ReleaseCycle): ReleaseCycle {
  return Object.fromEntries(Object.entries(cycle).filter(([, v]) => v !== undefined)) as unknown as ReleaseCycle;
}

/** Newest first, by release date (then by cycle name, for lines released the same day). */
export function byNewest(cycles: readonly ReleaseCycle[]): ReleaseCycle[] {
  return [...cycles].sort(
    (a, b) => b.releaseDate.localeCompare(a.releaseDate) || b.cycle.localeCompare(a.cycle, 'en', { numeric: true }),
  );
}

/**
 * The data with our overrides applied: an override of a known cycle replaces the fields it gives; an override of
 * an unknown cycle adds it, and must then say when it was released.
 */
export function applyOverrides(cycles: readonly ReleaseCycle[], overrides: readonly CycleOverride[]): ReleaseCycle[] {
  const merged = new Map(cycles.map((c) => [c.cycle, c]));
  for (const { source: _source, ...override } of overrides) {
    const base = merged.get(override.cycle);
    if (!base && !override.releaseDate)
      throw new Error(
        `override of cycle ${override.cycle} adds a cycle the data does not have, so it needs a releaseDate`,
      );
    const fields = tidy(override as ReleaseCycle);
    merged.set(override.cycle, tidy({ ...{ lts: false, eoas: false, eol: false }, ...base, ...fields }));
  }
  return byNewest([...merged.values()]);
}

export type SupportPhase = 'upcoming' | 'active' | 'security' | 'ended';

/** Whether a milestone has passed on `today` (a day counts as supported up to and including its end date). */
function passed(m: Milestone, today: IsoDate): boolean {
  return typeof m === 'boolean' ? m : m < today;
}

/** Where a cycle stands on `today`: not yet released, fully supported, security fixes only, or out of support. */
export function supportPhase(cycle: ReleaseCycle, today: IsoDate): SupportPhase {
  if (cycle.releaseDate > today) return 'upcoming';
  if (passed(cycle.eol, today)) return 'ended';
  if (passed(cycle.eoas, today)) return 'security';
  return 'active';
}

/** The newest released line, the one a new project would start on. */
export function currentCycle(cycles: readonly ReleaseCycle[], today: IsoDate): ReleaseCycle | undefined {
  return byNewest(cycles).find((c) => c.releaseDate <= today);
}

/** Whether a line is LTS on `today` (a Node.js line becomes LTS months after its release). */
export function isLtsOn(cycle: ReleaseCycle, today: IsoDate): boolean {
  return cycle.lts && (cycle.ltsFrom ?? cycle.releaseDate) <= today;
}

/** The newest LTS line still supported on `today`, if the project has LTS lines. */
export function currentLts(cycles: readonly ReleaseCycle[], today: IsoDate): ReleaseCycle | undefined {
  return byNewest(cycles).find((c) => isLtsOn(c, today) && supportPhase(c, today) !== 'ended');
}

/** Lines that still get at least security fixes on `today`, newest first. */
export function supportedCycles(cycles: readonly ReleaseCycle[], today: IsoDate): ReleaseCycle[] {
  return byNewest(cycles).filter((c) => {
    const phase = supportPhase(c, today);
    return phase === 'active' || phase === 'security';
  });
}

/** One line per difference between two versions of a product's cycles, for `facts:refresh` to print. */
export function describeChanges(before: readonly ReleaseCycle[], after: readonly ReleaseCycle[]): string[] {
  const old = new Map(before.map((c) => [c.cycle, c]));
  const now = new Map(after.map((c) => [c.cycle, c]));
  const lines: string[] = [];
  for (const c of byNewest(after)) {
    const was = old.get(c.cycle);
    if (!was) {
      lines.push(`${c.cycle}: new cycle, released ${c.releaseDate}${c.latest ? `, latest ${c.latest}` : ''}`);
      continue;
    }
    for (const key of ['releaseDate', 'lts', 'ltsFrom', 'eoas', 'eol', 'latest', 'latestDate'] as const) {
      if (was[key] !== c[key]) lines.push(`${c.cycle}: ${key} ${show(was[key])} → ${show(c[key])}`);
    }
  }
  for (const c of byNewest(before)) if (!now.has(c.cycle)) lines.push(`${c.cycle}: no longer listed`);
  return lines;
}

const show = (value: unknown) => (value === undefined ? '(none)' : String(value));

/** The version facts a page shows for a framework, computed for `today` from its release data. */
export interface VersionFacts {
  /** The newest patch of the newest released line, and its date. */
  currentVersion: string;
  currentVersionDate: IsoDate;
  /** The line it belongs to and where that line stands. */
  currentCycle: ReleaseCycle;
  /** The newest supported LTS line, where the project has LTS lines. */
  lts?: ReleaseCycle | undefined;
}

export function versionFacts(cycles: readonly ReleaseCycle[], today: IsoDate): VersionFacts {
  const current = currentCycle(cycles, today);
  if (!current) throw new Error(`no release line was out on ${today}`);
  return {
    currentVersion: current.latest ?? current.cycle,
    currentVersionDate: current.latestDate ?? current.releaseDate,
    currentCycle: current,
    lts: currentLts(cycles, today),
  };
}

/** The fields a framework's pages read: its current version and date, and its LTS line with its last day. */
export type VersionFields = {
  currentVersion: string;
  currentVersionDate: Date;
  lts?: { version: string; supportedUntil: Date } | undefined;
};

export function versionFields(cycles: readonly ReleaseCycle[], today: IsoDate): VersionFields {
  const facts = versionFacts(cycles, today);
  const utcDay = (day: IsoDate) => new Date(`${day}T00:00:00Z`);
  const ltsEnd = facts.lts && typeof facts.lts.eol === 'string' ? facts.lts.eol : undefined;
  return {
    currentVersion: facts.currentVersion,
    currentVersionDate: utcDay(facts.currentVersionDate),
    lts: facts.lts && ltsEnd ? { version: facts.lts.cycle, supportedUntil: utcDay(ltsEnd) } : undefined,
  };
}

/**
 * Where a line stands on `today`, in words, for fact boxes and tables: "supported until 31 December 2027",
 * "security fixes only until …", "out of support since …", "no end of support announced".
 * `formatDay` turns an ISO day into the site's date format (kept out so this module stays free of locale code).
 */
export function supportText(cycle: ReleaseCycle, today: IsoDate, formatDay: (day: IsoDate) => string): string {
  const end = (m: Milestone) => (typeof m === 'string' ? formatDay(m) : undefined);
  switch (supportPhase(cycle, today)) {
    case 'upcoming':
      return `not released yet (due ${formatDay(cycle.releaseDate)})`;
    case 'ended':
      return end(cycle.eol) ? `out of support since ${formatDay(dayAfter(cycle.eol as IsoDate))}` : 'out of support';
    case 'security':
      return end(cycle.eol)
        ? `security fixes only, until ${end(cycle.eol)}`
        : 'security fixes only, no end date announced';
    case 'active':
      if (end(cycle.eoas) && end(cycle.eol))
        return `bug and security fixes until ${end(cycle.eoas)}, security fixes until ${end(cycle.eol)}`;
      return end(cycle.eol) ? `supported until ${end(cycle.eol)}` : 'supported, no end date announced';
  }
}

/** The first day without support after a last supported day. */
function dayAfter(day: IsoDate): IsoDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Whole months from one day to another (negative when `to` is earlier), for "months of support" figures. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * Why a build should warn about the data: data not checked for over `maxAgeDays` (one line for all such
 * products), or a newest line that is already out of support (one line each: a release is likely missing).
 */
export function releaseDataWarnings(
  products: readonly { id: string; checkedAt?: IsoDate | undefined; cycles: readonly ReleaseCycle[] }[],
  today: IsoDate,
  maxAgeDays = 90,
): string[] {
  const ageOf = (checkedAt: IsoDate) => Math.floor((Date.parse(today) - Date.parse(checkedAt)) / 86_400_000);
  const stale = products.filter((p) => p.checkedAt !== undefined && ageOf(p.checkedAt) > maxAgeDays);
  const warnings: string[] = [];
  if (stale.length > 0) {
    const oldest = stale.map((p) => p.checkedAt!).sort()[0]!;
    warnings.push(
      `release data of ${stale.map((p) => p.id).join(', ')} last checked ${oldest === stale.at(-1)!.checkedAt ? 'on' : 'as early as'} ${oldest}, ${ageOf(oldest)} days ago (over ${maxAgeDays}): run npm run facts:refresh, and re-read the sources of the lines kept by hand (overrides)`,
    );
  }
  for (const p of products) {
    const current = currentCycle(p.cycles, today);
    if (current && supportPhase(current, today) === 'ended')
      warnings.push(
        `${p.id}: the newest line, ${current.cycle}, is out of support on ${today}: is a newer release missing from the data?`,
      );
  }
  return warnings;
}

/** Months from one day to another, to the nearest month (a 24-month policy that ends two days early still reads 24). */
export function roundedMonths(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / (30.436875 * 86_400_000));
}

/** How often a team must move to stay supported, from the lines released in the last `years` years. */
export interface SupportFigures {
  /** Median months between two new lines. */
  monthsBetweenLines: number | undefined;
  /** Median months from release to end of security support, for lines that are not LTS, and for LTS lines. */
  supportMonths: number | undefined;
  ltsSupportMonths: number | undefined;
  /** Months of security support the newest line has left on `today` (undefined when no end is announced). */
  currentLeftMonths: number | undefined;
  /** How many lines the figures rest on. */
  basis: number;
}

const median = (values: readonly number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
};

export function supportFigures(cycles: readonly ReleaseCycle[], today: IsoDate, years = 5): SupportFigures {
  const since = `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
  const recent = byNewest(cycles)
    .filter((c) => c.releaseDate >= since && c.releaseDate <= today)
    .reverse();
  const span = (c: ReleaseCycle) => (typeof c.eol === 'string' ? roundedMonths(c.releaseDate, c.eol) : undefined);
  const spans = (lts: boolean) => recent.filter((c) => c.lts === lts).flatMap((c) => span(c) ?? []);
  const current = currentCycle(cycles, today);
  return {
    monthsBetweenLines: median(recent.slice(1).map((c, i) => roundedMonths(recent[i]!.releaseDate, c.releaseDate))),
    supportMonths: median(spans(false)),
    ltsSupportMonths: median(spans(true)),
    currentLeftMonths:
      current && typeof current.eol === 'string' ? Math.max(monthsBetween(today, current.eol), 0) : undefined,
    basis: recent.length,
  };
}

/**
 * "every 8 months", "for 36 months (3 years)"; undefined months read "not enough data to say". Zero, a median under
 * half a month (FastAPI ships a new line every week or two, each supported until the next), reads "more than once a
 * month" and "for under a month" instead of "every 0 months".
 */
export function monthsPhrase(months: number | undefined, lead: 'every' | 'for'): string {
  if (months === undefined) return 'not enough data to say';
  if (months === 0) return lead === 'every' ? 'more than once a month' : 'for under a month';
  const years = months % 12 === 0 && months >= 24 ? ` (${months / 12} years)` : '';
  return `${lead} ${months} month${months === 1 ? '' : 's'}${years}`;
}
