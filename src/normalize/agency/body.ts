// The body's name once its place is taken off, in one spelling for every year: short forms
// spelt out, the government's general office named for its level, nothing left meaning the
// place's own government.
import { BODY_SHORT_FORMS, GOVERNMENT, GOVERNMENT_OFFICE, SUBDISTRICT_GOVERNMENT, ZONE_GOVERNMENT } from '../../templates/agency-names.js';
import type { Place } from './gazetteer.js';

const SHORT_FORMS = new Map(BODY_SHORT_FORMS);
const OFFICE = /^(?:人民)?政府办(?:公室|公厅)?$/;

export function normalizeBody(body: string, place: Place | null): string {
  // A second name in brackets (合署办公: 市政府办公室（市外事办）) is not part of the body's identity.
  let text = body.replace(/^[-—_·、，,:：]+|[-—_·、，,。.:：]+$/g, '').replace(/[(（][^()（）]*[)）]$/, '');
  if (text === '') {
    if (!place) return '';
    if (place.zone) return ZONE_GOVERNMENT;
    return place.level === 'township' && place.name.endsWith('街道') ? SUBDISTRICT_GOVERNMENT : GOVERNMENT;
  }
  if (text === '街道办事处' || text === '街道办') return SUBDISTRICT_GOVERNMENT;
  text = SHORT_FORMS.get(text) ?? text;
  text = text.replace(/管委会/g, ZONE_GOVERNMENT).replace(/^政府/, GOVERNMENT);
  if (OFFICE.test(text)) return place?.level === 'provincial' ? GOVERNMENT_OFFICE.provincial : GOVERNMENT_OFFICE.other;
  return text;
}
