import { sentencesOf, wrongWordingForAdvisor, wrongWordingForCustomer } from './audience-voice-cues.ts';
import type { ReplyCheck } from './reply-check.ts';

/** Shorter pieces ("Freeze it.") are too common to be known as a quotation. */
const QUOTATION_MIN_CHARACTERS = 20;
/** Text in typographic or plain quotation marks, as the composers write titles in en, de and es. */
const QUOTED = /[“"„«]([^”"“«»\n]{3,120})[”"“»]/g;

/**
 * Replies are worded for their reader: an advisor reads about the customer in the third person ("C-000042 has …",
 * "der Kunde", "el cliente"), never "you have $… in savings" / "Ihre Ersparnisse" / "sus ahorros" as if the money
 * were theirs; a customer is spoken to ("you", "Sie", "usted"), never about ("this customer", "dieser Kunde", "el
 * cliente", "C-000042 has …"). Runs on every writer's draft, so a model that slips is repaired or replaced.
 */
export const checkAudienceVoice: ReplyCheck = (reply, context) => {
  if (context.audience === undefined) return [];
  // Without a customer in the conversation there is nobody to speak about in the wrong voice.
  if (context.customer === null) return [];
  const audience = context.audience;
  const wrong =
    audience === 'advisor'
      ? wrongWordingForAdvisor(withoutQuotations(reply, context.groundingTexts))
      : wrongWordingForCustomer(reply);
  return wrong.map((text) => ({ reason: 'wrong_audience_voice', audience, text }));
};

/**
 * The reply without the sentences it quotes word for word from its sources: a help-centre guide speaks to the bank's
 * customers ("Freeze your card in the app"), and quoting it to an advisor under "Here is what our guide says" is the
 * guide's voice, not the assistant's. Measured: without this, 176 of the 231 shipped passages failed for advisors.
 */
function withoutQuotations(reply: string, sources: readonly string[]): string {
  const quoted = (text: string) => sources.some((source) => source.includes(text));
  return (
    sentencesOf(reply)
      .filter((sentence) => sentence.length < QUOTATION_MIN_CHARACTERS || !quoted(sentence))
      // A guide's title in quotation marks ("our guide “Understanding your credit score”") is its name, not a remark.
      .map((sentence) => sentence.replace(QUOTED, (whole, title: string) => (quoted(title) ? '“…”' : whole)))
      .join('\n')
  );
}
