/**
 * The structural promissory reading (certainty × investment outcome, unless denied, hedged, reported or a
 * guarantee the product really has) for German and Spanish replies, which the English cues never match.
 * Word boundaries are Unicode-aware: `\b` in a JavaScript RegExp does not see "ü" or "ñ" as letters.
 */

const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;
/** Builds a case-insensitive Unicode pattern from alternatives, each bounded as a whole word or phrase. */
function words(alternatives: readonly string[]): RegExp {
  return new RegExp(`${START}(?:${alternatives.join('|')})${END}`, 'iu');
}
const GAP = String.raw`(?:[\p{L}\p{N}'.,%€-]+\s+){0,4}?`;
/** A longer gap for German, which puts the verb last ("wird nächstes Jahr auf 150.000 Euro steigen"). */
const LONG_GAP = String.raw`(?:[\p{L}\p{N}'.,%€-]+\s+){0,7}?`;

/** Losing value, in German and Spanish. */
const LOSS = String.raw`(?:verlier\p{L}*|verlust\p{L}*|verloren|fall\p{L}*|fäll\p{L}*|sink\p{L}*|einbr\p{L}*|perder\p{L}*|perd\p{L}*|pierd\p{L}*|pérdidas?|baja\p{L}*|bajar\p{L}*|caer\p{L}*|caiga\p{L}*|cae|caen)`;

/** Gaining, in German and Spanish: what "every year" or "always" has to be said of to promise. */
const GAIN = String.raw`(?:gewinn\p{L}*|steig\p{L}*|wachs\p{L}*|wächst|zuleg\p{L}*|schlag\p{L}*|schläg\p{L}*|übertr\p{L}*|rendite\p{L}*|ertr\p{L}*|plus|gan\p{L}*|sub\p{L}*|crec\p{L}*|bat\p{L}*|bate|super\p{L}*|rentab\p{L}*|rend\p{L}*|beneficio\p{L}*|dividend\p{L}*)`;

/** Investment outcomes a certainty cue can be about (money, returns, products, prices, retirement, credit). */
const OUTCOME = words([
  // German compounds carry the outcome inside ("Geldanlage", "Festgeldzinsen", "Kapitalgewinn").
  String.raw`\p{L}*(?:rendite|gewinn|anlage|kapital|fonds|aktie|vermögen|erspar|invest)\p{L}*|renditen?|gewinn\p{L}*|erträg\p{L}*|ertrag\p{L}*|zins\p{L}*|kapital\p{L}*|geld|anlage\p{L}*|investition\p{L}*|investier\p{L}*|fonds|aktien?\p{L}*|depot\p{L}*|portfolio\p{L}*|wert\p{L}*|kurs\p{L}*|preis\p{L}*|gold\p{L}*|rente\p{L}*|ruhestand|vermögen\p{L}*|einlage\p{L}*|erspar\p{L}*|sparplan\p{L}*|dax|markt\p{L}*|steig\p{L}*|wachs\p{L}*|wächst|zuleg\p{L}*|verdoppel\p{L}*|vervielfach\p{L}*|schlag\p{L}*|schläg\p{L}*|übertr\p{L}*|millionär\p{L}*|dividende\p{L}*|bitcoin|krypto\p{L}*`,
  String.raw`rentabilidad\p{L}*|rendimiento\p{L}*|beneficios?|ganancias?|intereses|capital|dinero|inversi\p{L}*|invert\p{L}*|fondos?|acci[oó]n(?:es)?|cartera|valor\p{L}*|precios?|oro|pensi\p{L}*|jubila\p{L}*|ahorros?|bolsa|mercados?|sub\p{L}*|crec\p{L}*|duplic\p{L}*|triplic\p{L}*|revaloriz\p{L}*|bat\p{L}*|super\p{L}*|gan\p{L}*|millonari\p{L}*|dividendos?|bitcoin|cripto\p{L}*|rentable`,
  LOSS,
  String.raw`\d+(?:[.,]\d+)?\s?%|€|euros?`,
]);

/** Certainty that a credit application succeeds ("wird garantiert bewilligt", "será aprobada sin problema"). */
const APPROVAL = words([
  String.raw`(?:kredit\p{L}*|darlehen\p{L}*|finanzierung\p{L}*|baufinanzierung\p{L}*|hypothek\p{L}*|antrag\p{L}*)\s+${GAP}(?:wird|werden|ist)\s+${GAP}(?:genehmigt|bewilligt|angenommen|zugesagt)`,
  String.raw`(?:préstamo|hipoteca|crédito|solicitud|financiación)\s+${GAP}(?:será|serán|está|queda)\s+${GAP}(?:aprobad[oa]s?|concedid[oa]s?|aceptad[oa]s?)`,
]);

/** Words and phrases that assert certainty; a forecast in the plain future counts as one. */
const CERTAINTY = words([
  // German: guaranteed, promised, certainly, without risk, never/no loss, every year, will rise.
  String.raw`garantiert|garantier\p{L}*|versprochen|verspreche\p{L}*|zugesichert|sicher(?:lich)?|mit\s+sicherheit|auf\s+jeden\s+fall|definitiv|zweifellos|ohne\s+zweifel|todsicher|bombensicher|hundertprozentig|100\s?%\s+sicher|risikolos\p{L}*|risikofrei\p{L}*|ohne\s+(?:jedes\s+|jegliches\s+|ein\s+)?risiko|kein(?:e|erlei)?\s+risiko|risiko\s+${LONG_GAP}(?:null|ausgeschlossen)|${LOSS}\s+(?:sie\s+|ihr\s+|er\s+|es\s+|wir\s+)?(?:nie(?:mals)?|nicht|kein\p{L}*)(?!\s+(?:immer|unbedingt|nur|jedes))|ausgeschlossen|unmöglich|${GAIN}\s+${LONG_GAP}(?:immer|stets|jedes\s+jahr|jeden\s+monat)|(?:immer|stets|jedes\s+jahr|jeden\s+monat)\s+${LONG_GAP}${GAIN}|bestimmt|gewiss|ohne\s+ausnahme|nur\s+(?:eine\s+richtung|nach\s+oben|bergauf)|nie(?:mals)?\s+(?:wieder\s+)?${GAP}${LOSS}|(?:kein(?:en|e)?|nicht)\s+${GAP}${LOSS}|verlassen\s+sie\s+sich|darauf\s+verlassen|(?:wird|werden|wirst)\s+${LONG_GAP}(?:steigen|wachsen|zulegen|schlagen|übertreffen|verdoppeln|vervielfachen|erreichen|abwerfen|millionär|entwickeln)`,
  // Spanish: guaranteed, I assure/promise you, surely, without risk, never/no loss, always, will rise.
  String.raw`garantiz\p{L}*|garantía|asegurad[oa]s?|le\s+(?:aseguro|prometo|garantizo)|se\s+lo\s+(?:aseguro|prometo|garantizo)|(?:le\s+)?prometemos|seguro(?!\s+de\s+(?:vida|hogar|coche|salud|viaje))|segura|téngalo\s+por\s+seguro|con\s+(?:total\s+)?(?:seguridad|certeza)|sin\s+(?:ningún\s+|ningun\s+|el\s+menor\s+)?(?:riesgo|duda|problema)|libre\s+de\s+riesgo|ningún\s+riesgo|cero\s+riesgo|imposibles?|${GAIN}\s+${LONG_GAP}(?:siempre|cada\s+(?:año|mes)|todos\s+los\s+(?:años|meses))|(?:siempre|cada\s+(?:año|mes)|todos\s+los\s+(?:años|meses))\s+${LONG_GAP}${GAIN}|solo\s+(?:puede\s+|pueden\s+)?(?:ir\s+)?(?:hacia\s+arriba|subir|crecer|ganar)|en\s+una\s+sola\s+dirección|pase\s+lo\s+que\s+pase|sin\s+excepción|cien\s+por\s+cien|100\s?%\s+segur\p{L}*|definitivamente|sin\s+falta|a\s+salvo|nunca\s+${GAP}${LOSS}|no\s+${GAP}${LOSS}|(?:subirá|subirán|crecerá|crecerán|duplicará|duplicarán|triplicará|triplicarán|superará|superarán|batirá|batirán|ganará|ganarán|obtendrá|obtendrán|rendirá|rendirán|revalorizará|revalorizarán|recuperará|recuperarán|tendrá\s+una\s+jubilación|podrá\s+jubilarse|va\s+a\s+(?:subir|crecer|duplicar)|van\s+a\s+(?:subir|crecer|duplicar)|seguirá\s+subiendo|seguirán\s+subiendo)`,
]);

/** A denial of risk promises on its own, with or without an outcome named ("sin riesgo", "risikolos"). */
const RISK_FREE = words([
  String.raw`risikolos\p{L}*|risikofrei\p{L}*|ohne\s+(?:jedes\s+|jegliches\s+)?risiko|kein(?:e|erlei)?\s+(?:verlust)?risiko|sin\s+(?:ningún\s+)?riesgo|libre\s+de\s+riesgo|ningún\s+riesgo|cero\s+riesgo`,
]);

/** A denial of certainty or a warning: whatever the clause holds is a caution. */
const CAUTION = words([
  String.raw`(?:nicht|kein\p{L}*|niemand|nie)\s+${GAP}(?:garant\p{L}*|versprech\p{L}*|zusicher\p{L}*|zusagen|sicher|vorhersag\p{L}*|vorherseh\p{L}*|verlässlich\p{L}*|voraussag\p{L}*)|(?:garantie\p{L}*|garantier\p{L}*|zusicher\p{L}*|versprech\p{L}*|sicherheit)\s+${GAP}(?:nicht|kein\p{L}*)|kein\p{L}*\s+\p{L}+\s+(?:ist|sind|bleibt|bleiben)\s+(?:\p{L}+\s+)?(?:risikofrei|risikolos|ohne\s+risiko|sicher|garantiert)|gibt\s+es\s+nicht|betrug\p{L}*|betrüger\p{L}*|vorsicht|misstrau\p{L}*|unseriös\p{L}*|zu\s+schön,?\s+um\s+wahr|wertentwicklung|vergangen\p{L}*|verkraften|leisten\s+können`,
  String.raw`(?:no|ningun\p{L}*|nadie|sin)\s+${GAP}(?:garant\p{L}*|promet\p{L}*|asegur\p{L}*|predec\p{L}*|prever|segur\p{L}*|certeza)|no\s+(?:son|es)\s+(?:\p{L}+\s+){0,2}?sin\s+riesgo|estafa\p{L}*|fraude\p{L}*|desconf\p{L}*|cuidado|demasiado\s+bueno|pasad[oa]s?|históric\p{L}*|permitirse\s+perder|riesgo\s+de\s+pérdida|conlleva\p{L}*\s+riesgo`,
]);

/** Hedges and two-sided statements: may, could, depends on, aims to, up or down. */
const HEDGE = words([
  String.raw`kann|können|könnte|könnten|möglich|möglicherweise|eventuell|vielleicht|voraussichtlich|wahrscheinlich|unter\s+umständen|hängt\s+${GAP}ab|hängen\s+${GAP}ab|abhängig|strebt\s+${GAP}an|anstreb\p{L}*|ziel\p{L}*|erwartet|prognos\p{L}*|schätz\p{L}*|schwank\p{L}*|steigen\s+oder\s+fallen|fallen\s+oder\s+steigen|ob`,
  String.raw`puede|pueden|podría|podrían|posibles?|posiblemente|quizás?|tal\s+vez|probablemente|depende\p{L}*|dependerá|sujet[oa]s?\s+a|intenta|pretende|busca|objetivo|estimad\p{L}*|previst\p{L}*|proyecci\p{L}*|subir\s+o\s+bajar|bajar\s+o\s+subir|si`,
]);

/** Guarantees the product really has: deposit protection, contractually fixed rates and terms. */
const GENUINE_GUARANTEE = words([
  String.raw`einlagensicherung|gesetzlich\p{L}*|vertrag\p{L}*|festgeschrieben|festgelegt|festzins\p{L}*|fest(?:er|en)?\s+zins\p{L}*|festgeld\p{L}*|tagesgeld\p{L}*|sparbuch|laufzeit|bis\s+(?:zu\s+)?100\.000`,
  String.raw`fondo\s+de\s+garantía\s+de\s+depósitos|depósitos?\s+(?:\p{L}+\s+){0,3}?(?:cubiert|protegid|garantizad)\p{L}*|cubiert[oa]s?\s+hasta|hasta\s+100\.000|contrato|contractual\p{L}*|condiciones|tipo\s+(?:de\s+interés\s+)?fijo|fij[oa]\s+durante|plazo\s+fijo`,
]);
/** "ohne Risiko", "sin riesgo": a denial of risk overclaims even beside a genuine guarantee. */
const RISK_DENIAL = words([String.raw`risiko\p{L}*|risikolos|risikofrei|riesgos?|pérdidas?|verlust\p{L}*`]);

/** Function words that tell a German or Spanish sentence from an English one quoting a foreign word. */
const GERMAN_OR_SPANISH_WORDS = new Set(
  (
    'und der das ist nicht mit sie ihr ihre ihren ihrem ihres wird werden ein eine einen kein keine für bei auf zu von ' +
    'den dem des sich auch im wir ich diese dieser diesem dieses jetzt noch nur oder aber wenn dass ob es sind hat haben ' +
    'hier unser unsere unseren ihnen jedes ohne sein ' +
    'el la los las del que y su sus con para por una un se le lo este esta estos será en al muy pero más sin nunca siempre usted ' +
    'son está están ha han hay mi nuestro nuestra tiene tienen ningún'
  ).split(' '),
);
const ENGLISH_WORDS = new Set(
  'the and is you your to of will this with it be are for that on not can our we my at by from have has was a an as or if in may could up down all any'.split(
    ' ',
  ),
);

/** Whether a sentence may be German or Spanish: more of their function words than English ones, or no English ones (a phrase-list entry such as "Garantierte Rendite"). */
function isGermanOrSpanish(sentence: string): boolean {
  let foreign = 0;
  let english = 0;
  for (const word of sentence.toLowerCase().match(/[\p{L}]+/gu) ?? []) {
    if (GERMAN_OR_SPANISH_WORDS.has(word)) foreign += 1;
    if (ENGLISH_WORDS.has(word)) english += 1;
  }
  return english === 0 || foreign > english;
}

/** Clauses end at . ! ? ; : — but not at the "." of "150.000" or "4.5". */
const CLAUSE = /(?:[^.!?;:\n]|(?<=\d)[.:](?=\d))+[.!?;:]*/g;
const CONTRAST =
  /,?\s+(?:aber|jedoch|allerdings|doch|sondern|pero|aunque|sin\s+embargo|no\s+obstante|mientras\s+que)\s+/giu;

/** A German or Spanish clause that promises an outcome, and the cue that makes it a promise. */
export interface ForeignLanguagePromise {
  start: number;
  end: number;
  cue: string;
}

/**
 * Clauses of a (folded) text that assert certainty about an investment outcome or a credit approval in
 * German or Spanish.
 * @example findGermanSpanishPromises('Mit diesem Fonds können Sie kein Geld verlieren.') // one clause, cue "kein Geld verlieren"
 */
export function findGermanSpanishPromises(text: string): ForeignLanguagePromise[] {
  const promises: ForeignLanguagePromise[] = [];
  for (const sentence of text.matchAll(CLAUSE)) {
    if (!isGermanOrSpanish(sentence[0])) continue;
    let offset = 0;
    const parts = sentence[0].split(CONTRAST);
    for (const part of parts) {
      const index = sentence[0].indexOf(part, offset);
      offset = index + part.length;
      if (CAUTION.test(part)) continue;
      const approval = APPROVAL.exec(part);
      const cue = approval ?? (OUTCOME.test(part) ? CERTAINTY.exec(part) : RISK_FREE.exec(part));
      if (!cue) continue;
      // A denied loss ("kein Geld verlieren") is read past "können"; other cues are hedged by it.
      // A denied loss ("kein Geld verlieren") or "Sie können sich darauf verlassen" is certain past "können".
      const deniedLoss = /^(?:nie|kein|nicht|no|nunca|solo|nur)|verlassen|(?:nie|nicht|kein\p{L}*)$/iu.test(
        cue[0],
      );
      if (!deniedLoss && HEDGE.test(part.replace(cue[0], ' '))) continue;
      if (deniedLoss && /(?<![\p{L}])(?:könnte|könnten|podría|podrían|puede\s+que)(?![\p{L}])/iu.test(part))
        continue;
      if (!RISK_DENIAL.test(cue[0]) && GENUINE_GUARANTEE.test(part)) continue;
      const trimmed = part.trim();
      const start = sentence.index + index + part.indexOf(trimmed);
      promises.push({ start, end: start + trimmed.length, cue: cue[0] });
    }
  }
  return promises;
}
