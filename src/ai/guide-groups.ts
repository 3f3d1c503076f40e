// The guide groups of the sidebar, in order: astro.config.mjs builds Starlight's sidebar from
// this list and the twins use it for llms.txt sections and llms-full.txt order, so both agree.
import type { GuideGroup } from './build-data.ts';

export const GUIDE_GROUPS: GuideGroup[] = [
  { label: 'Start here', directory: 'start' },
  { label: 'Guides', directory: 'guides' },
];
