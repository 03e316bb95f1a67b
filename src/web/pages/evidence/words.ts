/**
 * Evidence in words, in the reader's language: kinds, custody actions and purposes, platforms,
 * refused uploads, sizes and consent summaries. Every fixed list of the domain has a key here (the
 * Records make the lists complete; words.test.ts checks both catalogues hold them).
 */
import { t, lang, type MessageKey } from '../../i18n/i18n';
import type { Problem } from '../../api';
import { localiseProblem, type Problems } from '../../lib/problems';
import { getState } from '../../state';
import { consentLabel } from '../incident-form/others';
import { sizeText } from './format';
import { CONSENT_USES, type Consent, type ConsentValue, type CustodyAction, type CustodyPurpose, type EvidenceKind, type Platform } from '../../types';

export const KIND_KEYS: Record<EvidenceKind, MessageKey> = {
  photo: 'evidence.kind.photo',
  screenshot: 'evidence.kind.screenshot',
  audio: 'evidence.kind.audio',
  video: 'evidence.kind.video',
  pdf: 'evidence.kind.pdf',
  document: 'evidence.kind.document',
  online_capture: 'evidence.kind.online_capture',
};

export const ACTION_KEYS: Record<CustodyAction, MessageKey> = {
  'evidence.receive': 'evidence.custody.receive',
  'evidence.capture': 'evidence.custody.capture',
  'evidence.view': 'evidence.custody.view',
  'evidence.view_metadata': 'evidence.custody.view_metadata',
  'evidence.download': 'evidence.custody.download',
  'evidence.export': 'evidence.custody.export',
  'evidence.change': 'evidence.custody.change',
  'evidence.consent': 'evidence.custody.consent',
  'evidence.remove': 'evidence.custody.remove',
  'evidence.import': 'evidence.custody.import',
};

export const PURPOSE_KEYS: Record<CustodyPurpose, MessageKey> = {
  review: 'evidence.purpose.review',
  verification: 'evidence.purpose.verification',
  legal_case: 'evidence.purpose.legal_case',
  partner_sharing: 'evidence.purpose.partner_sharing',
  report: 'evidence.purpose.report',
  other: 'evidence.purpose.other',
};

export const PLATFORM_KEYS: Record<Platform, MessageKey> = {
  facebook: 'evidence.platform.facebook',
  instagram: 'evidence.platform.instagram',
  x: 'evidence.platform.x',
  tiktok: 'evidence.platform.tiktok',
  youtube: 'evidence.platform.youtube',
  whatsapp: 'evidence.platform.whatsapp',
  telegram: 'evidence.platform.telegram',
  signal: 'evidence.platform.signal',
  sms: 'evidence.platform.sms',
  email: 'evidence.platform.email',
  website: 'evidence.platform.website',
  other: 'evidence.platform.other',
};

/** Consent values in the order they are offered (the vocabulary consent_value words them). */
export const CONSENT_VALUES: readonly ConsentValue[] = ['given', 'refused', 'not_asked', 'withdrawn'];
/** What a bundle may be for: the use whose consent it needs. */
export const BUNDLE_PURPOSES = ['legal_action', 'share_partners'] as const;
export type BundlePurpose = (typeof BUNDLE_PURPOSES)[number];

/** Why a file was refused, by the server's error code. */
const UPLOAD_ERROR_KEYS: Record<string, MessageKey> = {
  file_too_large: 'evidence.error.file_too_large',
  unsupported_type: 'evidence.error.unsupported_type',
  damaged_image: 'evidence.error.damaged_image',
  zip_bomb: 'evidence.error.zip_bomb',
  zip_path: 'evidence.error.zip_path',
  empty_file: 'evidence.error.empty_file',
  damaged_document: 'evidence.error.damaged_document',
  document_too_large: 'evidence.error.document_too_large',
};

export const kindName = (k: EvidenceKind): string => t(KIND_KEYS[k] ?? 'evidence.kind.document');
export const actionName = (a: CustodyAction): string => (ACTION_KEYS[a] ? t(ACTION_KEYS[a]) : a);
export const purposeName = (p: CustodyPurpose): string => (PURPOSE_KEYS[p] ? t(PURPOSE_KEYS[p]) : p);
export const platformName = (p: Platform): string => t(PLATFORM_KEYS[p] ?? 'evidence.platform.other');
export const consentValueName = (v: ConsentValue): string => getState().vocab?.label('consent_value', v) ?? v;

/** The words for a refused upload, or undefined when the code is not one of the file's own. */
/** A size in the reader's language. */
export const sizeOf = (bytes: number): string => sizeText(bytes, lang());

export function uploadErrorText(code: string): string | undefined {
  const key = UPLOAD_ERROR_KEYS[code];
  return key ? t(key) : undefined;
}

/**
 * A form's problems by field: `fieldOf` places each server path on one of the form's fields (or
 * none: `rest`); a refused file's code is worded here, the others as everywhere in the app.
 */
export function placeProblems(list: Problem[], fieldOf: (path: string) => string | undefined): { fields: Problems; rest: string[] } {
  const fields: Problems = new Map();
  const rest: string[] = [];
  for (const p of list) {
    const text = (p.code ? uploadErrorText(p.code) : undefined) ?? localiseProblem(p);
    const f = fieldOf(p.path);
    if (f) fields.set(f, [...(fields.get(f) ?? []), text]);
    else rest.push(text);
  }
  return { fields, rest };
}

/** "Otorgado para: análisis interno, acciones legales · Retirado para: …", or that none was given. */
export function consentSummary(consent: Consent): string {
  const of = (v: ConsentValue) => CONSENT_USES.filter((u) => consent[u] === v).map((u) => consentLabel(u).toLocaleLowerCase(lang()));
  const given = of('given');
  const withdrawn = of('withdrawn');
  const parts = [given.length ? t('evidence.consent.givenFor', { uses: given.join(', ') }) : t('evidence.consent.noneGiven')];
  if (withdrawn.length) parts.push(t('evidence.consent.withdrawnFor', { uses: withdrawn.join(', ') }));
  return parts.join(' · ');
}
