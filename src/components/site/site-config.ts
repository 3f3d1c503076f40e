// site.config.json, checked once: a missing or misspelt field stops the build with its name.
import raw from '../../../site.config.json' with { type: 'json' };

export interface LandingAction {
  text: string;
  link: string;
  icon?: string;
  variant?: 'primary' | 'secondary' | 'minimal';
}

export interface SiteConfig {
  title: string;
  description: string;
  landing: { title: string; tagline: string; actions: LandingAction[] };
}

export function checkSiteConfig(value: unknown, file = 'site.config.json'): SiteConfig {
  const fail = (field: string, what: string): never => {
    throw new Error(`${file}: "${field}" ${what}.`);
  };
  const v = value as Partial<SiteConfig> | undefined;
  const text = (field: string, x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x : fail(field, 'must be a non-empty string'));
  text('title', v?.title);
  text('description', v?.description);
  if (typeof v?.landing !== 'object' || v.landing === null) fail('landing', 'must be an object with title, tagline and actions');
  text('landing.title', v!.landing!.title);
  text('landing.tagline', v!.landing!.tagline);
  if (!Array.isArray(v!.landing!.actions)) fail('landing.actions', 'must be a list of { text, link }');
  v!.landing!.actions.forEach((a, i) => {
    text(`landing.actions[${i}].text`, a?.text);
    text(`landing.actions[${i}].link`, a?.link);
  });
  return v as SiteConfig;
}

export const SITE: SiteConfig = checkSiteConfig(raw);
