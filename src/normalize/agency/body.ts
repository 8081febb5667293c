// The body's name once its place is taken off, in one spelling for every year: short forms
// spelt out, the government's general office named for its level, nothing left meaning the
// place's own government.
import {
  BODY_PARTS,
  BODY_SHORT_FORMS,
  GOVERNMENT,
  GOVERNMENT_OFFICE,
  GOVERNMENT_OFFICE_PRINTED,
  SECOND_NAME,
  SUBDISTRICT_GOVERNMENT,
  SUBDISTRICT_OFFICE_PRINTED,
  ZONE_GOVERNMENT,
} from '../../templates/agency-names.js';
import type { Place } from './gazetteer.js';

const SHORT_FORMS = new Map(BODY_SHORT_FORMS);

export function normalizeBody(body: string, place: Place | null): string {
  // A second name in brackets (合署办公: 市政府办公室（市外事办）) is not part of the body's identity.
  let text = body.replace(/^[-—_·、，,:：]+|[-—_·、，,。.:：]+$/g, '').replace(SECOND_NAME, '');
  if (text === '') {
    if (!place) return '';
    if (place.zone) return ZONE_GOVERNMENT;
    return place.level === 'township' && place.name.endsWith('街道') ? SUBDISTRICT_GOVERNMENT : GOVERNMENT;
  }
  if (SUBDISTRICT_OFFICE_PRINTED.test(text)) return SUBDISTRICT_GOVERNMENT;
  text = SHORT_FORMS.get(text) ?? text;
  for (const [pattern, full] of BODY_PARTS) text = text.replace(pattern, full);
  if (GOVERNMENT_OFFICE_PRINTED.test(text)) return place?.level === 'provincial' ? GOVERNMENT_OFFICE.provincial : GOVERNMENT_OFFICE.other;
  return text;
}
