/** The framework entry's data as the content schema parses it: helpers pick their fields from here instead of restating them. */
import type { Framework } from '../data/frameworks';

export type FrameworkData = Framework['data'];

/** A framework's id and the fields a helper reads. */
export type FrameworkWith<K extends keyof FrameworkData> = { id: string } & Pick<FrameworkData, K>;
