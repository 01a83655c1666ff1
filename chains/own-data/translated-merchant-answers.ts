import { joinWords } from './figure-text.ts';
import type { TranslatedAnswerInput } from './translated-spending-answers.ts';
import { cadenceName, categoryName, translatedVoice } from './translated-voice.ts';

type MerchantInput = Omit<TranslatedAnswerInput, 'period'>;

/** "12 Zahlungen" / "12 pagos". */
function payments(input: MerchantInput, count: number): string {
  const de = input.language === 'de';
  const word = de ? (count === 1 ? 'Zahlung' : 'Zahlungen') : count === 1 ? 'pago' : 'pagos';
  return `${input.writer.count(count)} ${word}`;
}

/** The English answerTopMerchants in German or Spanish: the merchants with the largest totals. */
export function answerTopMerchantsTranslated(input: MerchantInput): string {
  const { history, span, writer, language } = input;
  const voice = translatedVoice(input);
  const de = language === 'de';
  const merchants = history.topMerchants.map(
    (merchant) =>
      `${writer.quote(merchant.merchant)} (${categoryName(language, merchant.category)}): ${writer.money(merchant.total)} ${de ? 'bei' : 'en'} ${payments(input, merchant.count)}`,
  );
  const list = joinWords(merchants, language);
  return de
    ? `Von ${writer.month(span.first)} bis ${writer.date(span.asOf)} ${voice.subject} am meisten an diese Händler gezahlt: ${list}.`
    : `De ${writer.month(span.first)} a ${writer.date(span.asOf)}, los comercios en los que ${voice.subject} más gastó fueron ${list}.`;
}

/** The English answerMerchant in German or Spanish; null when the merchant is not among the kept ones. */
export function answerMerchantTranslated(input: MerchantInput, words: string): string | null {
  const { history, span, writer, language } = input;
  const voice = translatedVoice(input);
  const de = language === 'de';
  const wanted = words.toLowerCase();
  const merchant = history.topMerchants.find((item) => item.merchant.toLowerCase().startsWith(wanted));
  if (merchant) {
    const name = writer.quote(merchant.merchant);
    const total = writer.money(merchant.total);
    return de
      ? `Von ${writer.month(span.first)} bis ${writer.date(span.asOf)} ${voice.subject} an ${name} ${total} bei ${payments(input, merchant.count)} gezahlt.`
      : `De ${writer.month(span.first)} a ${writer.date(span.asOf)}, ${voice.subject} pagó ${total} a ${name} en ${payments(input, merchant.count)}.`;
  }
  const recurring = history.recurring.find((item) => item.merchant.toLowerCase().startsWith(wanted));
  if (recurring) {
    const name = writer.quote(recurring.merchant);
    const amount = writer.money(recurring.amount);
    const cadence = cadenceName(language, recurring.cadence);
    return de
      ? `${voice.Person} ${voice.verb('zahlen', 'zahlt')} an ${name} ${cadence} ${amount}; die letzte Zahlung in ${voice.recordsDative} war am ${writer.date(recurring.lastDate)}.`
      : `${voice.Person} paga a ${name} ${amount} con periodicidad ${cadence}; el último pago en ${voice.records} fue el ${writer.date(recurring.lastDate)}.`;
  }
  return null;
}

/** The English unknownMerchant in German or Spanish: say so and name the merchants that are kept. */
export function unknownMerchantTranslated(input: MerchantInput, words: string): string {
  const { history, writer, language } = input;
  const voice = translatedVoice(input);
  const kept = joinWords(
    history.topMerchants.map((merchant) => writer.quote(merchant.merchant)),
    language,
  );
  return language === 'de'
    ? `Ich speichere Summen nur für die größten Händler ${voice.records}, und „${words}“ gehört nicht dazu. Das sind ${kept}; ich kann auch Ausgaben nach Kategorie nennen.`
    : `Solo guardo totales de los comercios principales de ${voice.records}, y «${words}» no es uno de ellos. Son ${kept}; también puedo dar el gasto por categoría.`;
}
