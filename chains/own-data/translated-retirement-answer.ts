import { type FigureText, joinWords } from './figure-text.ts';
import { RETIREMENT_ASSUMPTIONS, type RetirementPlan } from './retirement-projection.ts';
import { type TranslatedReader, translatedVoice } from './translated-voice.ts';

// biome-ignore format: the two languages side by side
const CAVEAT = {
  de: 'Dies ist eine Hochrechnung, kein Versprechen: Renditen sind nicht garantiert, Anlagen können an Wert verlieren, und Renten, Steuern und Gebühren sind nicht berücksichtigt. In einem Beratungsgespräch lässt sich das im Detail durchgehen.',
  es: 'Esto es una proyección, no una promesa: la rentabilidad no está garantizada, las inversiones pueden perder valor y no se incluyen pensiones, impuestos ni comisiones. Un asesor puede revisarla con detalle.',
} as const;

/**
 * The English answerRetirement in German or Spanish: the same projection, every assumption stated, the same
 * figures in the same format, never a promise.
 */
export function answerRetirementTranslated(
  plan: RetirementPlan,
  reader: TranslatedReader,
  writer: FigureText,
): string {
  const { language } = reader;
  const voice = translatedVoice(reader);
  const customer = reader.audience === 'customer';
  const de = language === 'de';
  const caveat = CAVEAT[language];
  const assumptions = RETIREMENT_ASSUMPTIONS;
  if (plan.kind === 'past_age') {
    const age = writer.count(plan.age);
    const retirementAge = writer.count(plan.retirementAge);
    const savings = writer.money(plan.savings);
    return de
      ? `${voice.Person} ${voice.verb('sind', 'ist')} ${age} Jahre alt und damit im oder über dem hier angenommenen Rentenalter von ${retirementAge}, daher bleibt kein Sparzeitraum für eine Hochrechnung; ${voice.their} erfassten Ersparnisse betragen ${savings}. ${caveat}`
      : `${voice.Person} tiene ${age} años, la edad de jubilación usada aquí (${retirementAge}) o más, así que no queda un periodo de ahorro que proyectar; sus ahorros registrados suman ${savings}. ${caveat}`;
  }
  const maxShare = writer.percent(assumptions.maxContributionPercent);
  const realReturn = writer.percent(assumptions.realReturnPercent);
  const assumed = de
    ? [
        `Renteneintritt mit ${writer.count(plan.retirementAge)} (in ${writer.count(plan.years)} Jahren)`,
        `${writer.money(plan.contribution)} pro Monat zurückgelegt (was ${voice.recordsSubject} nach den Ausgaben übrig lassen, höchstens ${maxShare} des Einkommens)`,
        `eine Rendite von ${realReturn} pro Jahr nach Inflation`,
        `${customer ? 'Ihre' : 'seine'} Ersparnisse von ${writer.money(plan.savings)} als Ausgangspunkt`,
      ]
    : [
        `la jubilación a los ${writer.count(plan.retirementAge)} años (dentro de ${writer.count(plan.years)} años)`,
        `${writer.money(plan.contribution)} al mes ahorrados (lo que ${voice.records} dejan después del gasto, como máximo el ${maxShare} de los ingresos)`,
        `una rentabilidad del ${realReturn} anual después de la inflación`,
        `partir de sus ahorros de ${writer.money(plan.savings)}`,
      ];
  const pot = writer.roundMoney(plan.pot);
  const projection = de
    ? `Angenommen werden ${joinWords(assumed, language)}. Damit käme das Vermögen auf etwa ${pot} in heutiger Kaufkraft.`
    : `Suponiendo ${joinWords(assumed, language)}, el capital llegaría a unos ${pot} en dinero de hoy.`;
  const years = writer.count(assumptions.yearsOfSpending);
  const target = writer.roundMoney(plan.target);
  const yearly = writer.money(plan.yearlySpend);
  const months = writer.count(plan.months);
  const measure = de
    ? `Eine gängige Faustregel sind ${years} Jahresausgaben, hier etwa ${target} (${yearly} pro Jahr, gemessen an den letzten ${months} Monaten der Daten).`
    : `Una regla práctica habitual es ${years} veces el gasto anual, aquí unos ${target} (${yearly} al año según los últimos ${months} meses de registros).`;
  const onTrack = plan.pot >= plan.target;
  const shortfall = onTrack ? '' : writer.roundMoney(plan.target - plan.pot);
  const who = customer ? 'Sie' : `der Kunde ${reader.customerId}`;
  const verdict = de
    ? onTrack
      ? `Unter diesen Annahmen ${voice.verb('wären', 'wäre')} ${who} auf Kurs.`
      : `Unter diesen Annahmen würden ${customer ? 'Ihnen' : `dem Kunden ${reader.customerId}`} etwa ${shortfall} fehlen.`
    : onTrack
      ? `Con estos supuestos, ${voice.subject} iría por buen camino.`
      : `Con estos supuestos, ${customer ? 'a usted' : `al cliente ${reader.customerId}`} le faltarían unos ${shortfall}.`;
  return `${projection} ${measure} ${verdict} ${caveat}`;
}
