/**
 * Words that give a short chat message's language away: function words and everyday banking words
 * that belong to one of the languages customers most often write in, and not to the others. fastText's
 * language id needs a sentence; "Karte weg" or "tarjeta bloqueada" are two words, so these cues help.
 * A word shared between languages ("no", "la", "come", "que", "con", "i", "bloqueado") is left out on
 * purpose.
 */
const CUE_WORDS: Readonly<Record<string, string>> = {
  en: `
    the my is i'm how what where why when can card account money have has hasn't haven't don't doesn't
    didn't isn't won't can't please you your to it and was been with help does do did get hi hello
    thanks thank hey still want need of for this that from lost stolen charged refund payment transfer
    should would could which much many
  `,
  de: `
    ich mein meine meiner meinen meinem mir mich ist nicht kein keine wie wo warum wieso weshalb wann
    bitte danke hallo karte konto geld überweisung ueberweisung habe hab kann können koennen möchte
    moechte ein eine einen einem der und auf für fuer mit noch schon sie ihr ihre wurde wurden gesperrt
    funktioniert geht bekommen gestohlen verloren zahlung abgebucht gebühr gebühren guten tag tschüss
    servus moin vielen dank bin sind auch aber oder vom zum zur im beim dem den sich
  `,
  es: `
    tarjeta cuenta dinero transferencia cómo dónde donde qué puedo quiero necesito tengo está están es
    el los las hola gracias favor pago cobro cobraron hay ya pero muy bloqueada robada perdí cajero
    cuánto cuándo cuál buenos días ayuda usted y también devolución comisión datos todavía aún puede al
    pagar retirar efectivo porque funciona hace sin
  `,
  fr: `
    je j'ai mon ma mes carte compte argent virement est pas ne comment où pourquoi quand bonjour merci
    les des du une et avec pour sur vous votre ai été bloqué bloquée perdu volé retrait frais n'est
    c'est
  `,
  it: `
    il mio mia miei carta conto soldi bonifico è non dove perché ciao grazie buongiorno della delle
    degli nel nella sono ho voglio vorrei bisogno ancora bloccata rubata persa prelievo commissione
    rimborso gli di che
  `,
  pt: `
    não cartão conta meu minha dinheiro obrigado obrigada olá quero preciso tenho os dos uma em foi
    ainda onde transferência você muito chegou perdi roubado pagamento isso
  `,
};

/** The cue words of each language (en, de, es, fr, it, pt), each word in one language only. */
export const LANGUAGE_CUES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(CUE_WORDS).map(([language, words]) => [language, words.trim().split(/\s+/)]),
);

const CUE_SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(LANGUAGE_CUES).map(([language, words]) => [language, new Set(words)]),
);

/** How many of the words are cues of each language (languages with no cue are left out). */
export function countLanguageCues(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) {
    for (const [language, cues] of CUE_SETS) {
      if (cues.has(word)) counts.set(language, (counts.get(language) ?? 0) + 1);
    }
  }
  return counts;
}
