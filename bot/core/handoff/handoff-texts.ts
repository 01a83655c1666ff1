import { BANK_PHONE } from '../../../chains/compose/fixed-texts.ts';
import type { Handoff, HandoffStatus } from './handoff.ts';

type Language = Handoff['language'];

const PENDING: Record<Language, string> = {
  en: 'An adviser is looking at this.',
  de: 'Ein Berater sieht sich das an.',
  es: 'Un asesor está revisando esto.',
};

const EXPIRED: Record<Language, string> = {
  en: `I'm sorry: no adviser has been able to answer you here yet. Please call us on ${BANK_PHONE}, or ask again here later.`,
  de: `Es tut uns leid: Bisher konnte Ihnen hier noch kein Berater antworten. Bitte rufen Sie uns unter ${BANK_PHONE} an oder fragen Sie später hier erneut.`,
  es: `Lo sentimos: todavía ningún asesor ha podido responderle aquí. Llámenos al ${BANK_PHONE} o vuelva a preguntar aquí más tarde.`,
};

const FROM_ADVISER: Record<Language, string> = {
  en: 'From your adviser',
  de: 'Von Ihrem Berater',
  es: 'De su asesor',
};

const APPROVED_BY_ADVISER: Record<Language, string> = {
  en: 'Checked and sent by your adviser',
  de: 'Von Ihrem Berater geprüft und gesendet',
  es: 'Revisado y enviado por su asesor',
};

/** The honest message a customer gets when no advisor answered in time, with another way to reach the bank. */
export function expiredText(language: Language): string {
  return EXPIRED[language];
}

/** What the widget shows for a handoff: the text, and the label saying who it is from (null: the assistant). */
export function customerView(handoff: Handoff): { text: string; label: string | null } {
  const status: HandoffStatus = handoff.status;
  switch (status) {
    case 'pending':
      return { text: PENDING[handoff.language], label: null };
    case 'expired':
      return { text: handoff.message ?? expiredText(handoff.language), label: null };
    case 'approved':
      return { text: handoff.message ?? handoff.draft, label: APPROVED_BY_ADVISER[handoff.language] };
    case 'edited':
    case 'taken_over':
      return { text: handoff.message ?? '', label: FROM_ADVISER[handoff.language] };
  }
}
