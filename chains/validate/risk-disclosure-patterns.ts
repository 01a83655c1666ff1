/**
 * German and Spanish sentences that count as a risk disclosure, and their close variants (the English ones are
 * RISK_DISCLOSURES in check-risk-disclosure.ts). A disclosure counts only in the reply's own language: a warning
 * the customer may not read is not one a bank can show it gave. Wordings that deny a risk ("Sie können nichts
 * verlieren", "no puede perder") are left out on purpose.
 */
export const FOREIGN_RISK_DISCLOSURES: Readonly<Record<'de' | 'es', readonly RegExp[]>> = {
  de: [
    // "der Wert von Geldanlagen kann steigen und fallen", "… sowohl steigen als auch fallen kann"
    /(?<!\p{L})(?:Wert|Kurs|Preis)e?(?!\p{L})[^.!?]{0,80}?(?<!\p{L})(?:kann|können|könnte|könnten)\s+(?:(?!nicht|nie|kein)[\p{L}-]+\s+){0,4}(?:fallen|sinken|schwanken|zurückgehen)(?!\p{L})/iu,
    /(?<!\p{L})(?:Wert|Kurs|Preis)e?(?!\p{L})[^.!?]{0,80}?(?<!(?:nicht|niemals|nie)\s+)(?:fallen|sinken|schwanken|zurückgehen)\s+(?:kann|können|könnte|könnten)(?!\p{L})/iu,
    // "Sie erhalten möglicherweise weniger zurück, als Sie angelegt haben"
    /(?<!\p{L})weniger\s+zur(?:ü|ue)ck(?:erh(?:a|ä)lt|erhalten|bekommen|bekommt|zahlen)?(?!\p{L})/iu,
    /(?<!\p{L})(?:Sie|Anleger\p{L}*|Kunde\p{L}*|er|sie)\s+(?:kann|können|könnte|könnten)\s+(?:(?!nichts?(?!\p{L})|kein)[\p{L}-]+\s+){0,4}verlieren(?!\p{L})/iu,
    /(?<!\p{L})(?:Kapitalverluste?|Verluste|Verlust\s+des\s+(?:eingesetzten\s+|angelegten\s+)?Kapitals)\s+(?:sind|ist)\s+möglich/iu,
    /(?<!\p{L})Kapital\s+(?:ist\s+)?(?:einem\s+)?(?:Verlust)?risiko\s+ausgesetzt/iu,
    /(?<!\p{L})(?:vergangene|frühere|bisherige)\s+Wertentwicklung[^.!?]{0,40}(?<!\p{L})(?:kein|keine|nicht)(?!\p{L})/iu,
    /(?<!\p{L})Wertentwicklung(?:en)?\s+(?:in\s+|der\s+)(?:der\s+)?Vergangenheit[^.!?]{0,40}(?<!\p{L})(?:kein|keine|nicht)(?!\p{L})/iu,
    /(?<!\p{L})(?:Renditen?|Erträge|Gewinne|Wertentwicklung)\s+(?:sind|ist|werden|wird)\s+nicht\s+garantiert/iu,
    /(?<!\p{L})(?:Geldanlagen?|Anlagen?|Investitionen|Investments?|Fonds|Wertpapiere)\s+(?:sind|ist)\s+(?:immer\s+)?mit\s+(?:einem\s+|gewissen\s+)?Risik(?:o|en)\s+verbunden/iu,
  ],
  es: [
    // "el valor de las inversiones puede bajar además de subir", "… puede subir o bajar"
    /(?<!\p{L})(?:valor|precio|cotización)(?!\p{L})[^.!?]{0,80}?(?<!\p{L})(?<!(?:no|nunca)\s+)(?:puede|pueden|podría|podrían)\s+(?:tanto\s+)?(?:bajar|caer|disminuir|fluctuar|subir\s+(?:y|o|como)\s+bajar)(?!\p{L})/iu,
    // "es posible que recupere menos de lo que invirtió"
    /(?<!\p{L})(?:recuper|recib|obten)\p{L}*\s+menos\s+de\s+lo\s+(?:que\s+)?(?:invirti|invertid|aport)\p{L}*/iu,
    /(?<!\p{L})(?<!(?:no|nunca)\s+)(?:puede|pueden|podría|podrían)\s+perder\s+(?:parte|todo|dinero|una\s+parte|el\s+capital|capital|su\s+dinero|la\s+totalidad)(?!\p{L})/iu,
    /(?<!\p{L})capital\s+(?:está\s+)?en\s+riesgo(?!\p{L})/iu,
    /(?<!\p{L})(?:posibles?|potencial(?:es)?)\s+pérdidas?\s+de(?:l)?\s+capital/iu,
    /(?<!\p{L})rentabilidad(?:es)?\s+pasadas?\s+no\s+(?:garantiza|son|es|indica)/iu,
    /(?<!\p{L})(?:rentabilidad(?:es)?|ganancias|rendimientos?)\s+no\s+(?:está|están)\s+garantizad[ao]s?/iu,
    /(?<!\p{L})(?:invertir|inversión|inversiones|fondos?)\s+(?:siempre\s+)?(?:conlleva|conllevan|implica|implican|tiene|tienen)\s+(?:un\s+|algún\s+|ciertos?\s+)?riesgos?(?!\p{L})/iu,
  ],
};
