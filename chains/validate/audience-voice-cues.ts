/**
 * The wording that gives a reply's reader away, in English, German and Spanish. An advisor must not be addressed as
 * if the customer's money were theirs ("your savings", "Ihre Ersparnisse", "sus ahorros", "you have $…"); a customer
 * must not be spoken about ("this customer", "der Kunde", "el cliente", "C-000042 has …").
 */

const ENGLISH_MONEY =
  'savings|income|salary|spending|spend|debt|debts|balance|balances|accounts?|portfolio|mortgage|loans?|horizon|money|finances|budget|pension|retirement|investments?|credit|cards?|risk tolerance|expenses|transactions|net worth|assets|profile';
/** "your savings", "your 1-year horizon": the customer's money, addressed to whoever reads. */
const YOUR_MONEY = new RegExp(`\\byour\\s+(?:[\\w$,.%-]+\\s+){0,2}?(?:${ENGLISH_MONEY})\\b`, 'gi');
/** "You have $1,015,800 in savings", "you keep about 2% of …", "you owe $3,000". */
const YOU_HAVE_MONEY = new RegExp(
  `\\byou\\s+(?:have|hold|keep|spend|spent|save|saved|earn|earned|owe|owed|pay|paid)\\b(?:\\s+[\\w$,.%'-]+){0,5}?\\s*(?:[$€£]?\\d[\\d,.]*\\d|[$€£]?\\d|\\b(?:${ENGLISH_MONEY})\\b)`,
  'gi',
);

/**
 * Stems of German money nouns, matched inside compounds ("Kreditkartenschulden", "Girokonto", "Monatsausgaben").
 * "Anlage" alone is left out: it is also an e-mail's attachment.
 */
const GERMAN_MONEY =
  /konto|konten|karte|erspar|guthaben|einkommen|gehalt|ausgaben|schulden|kredit|darlehen|depot|portfolio|hypothek|rente|vorsorge|horizont|budget|geld|vermögen|sparquote|umsätze|umsatz|transaktion|finanzen|einnahmen|zahlungen|abbuchung|risikobereitschaft|profil|versicherung|sparplan|rücklage|finanzielle/;
/** "Ihre Ersparnisse", "Ihrem monatlichen Einkommen": formal "your" (capitalised) and a capitalised noun after it. */
const GERMAN_YOUR =
  /(?<![\p{L}\p{N}])Ihr(?:e|em|en|er|es)?\s+(?:[\p{L}\p{N}$€.,%-]+\s+){0,2}?\p{Lu}[\p{L}-]*/gu;
/** "Sie haben 12.300 €", "Sie geben rund 600 € aus": formal "you" with a verb of having or spending and an amount. */
const GERMAN_YOU_HAVE =
  /(?<![\p{L}])Sie\s+(?:haben|hatten|besitzen|sparen|sparten|verdienen|verdienten|schulden|zahlen|zahlten|geben|gaben|halten|bekommen|erhalten|überziehen)(?:\s+[^\s.!?;]+){0,6}?\s+(?:[$€]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|EUR|Euro|%|\$))/gu;

const SPANISH_MONEY =
  'cuentas?|tarjetas?|ahorros?|saldos?|ingresos|sueldo|salario|nómina|gastos?|deudas?|préstamos?|hipotecas?|créditos?|cartera(?!\\s+de\\s+clientes)|inversi(?:ón|ones)|pensión|jubilación|horizonte|dinero|presupuesto|patrimonio|finanzas|movimientos|transacciones|fondos?|perfil|capital|pagos|recibos|depósitos?|tolerancia al riesgo';
/** "sus ahorros", "su cuenta de ahorro": "your" — or "his/her/their", which the sentences around it decide. */
const SPANISH_YOUR = new RegExp(
  `(?<![\\p{L}])sus?\\s+(?:[\\p{L}\\p{N}$€.,%-]+\\s+){0,2}?(?:${SPANISH_MONEY})(?![\\p{L}])`,
  'giu',
);
const SPANISH_VERBS =
  'tiene|tenía|dispone|gasta|gastó|ahorra|ahorró|debe|debía|gana|ganó|paga|pagó|cobra|cobró|ingresa|ingresó|ha\\s+\\p{L}+ado|había\\s+\\p{L}+ado';
/** "usted tiene 12.300 €", "ha ahorrado usted 5.000 €": formal "you" with a verb of having or spending and an amount. */
const SPANISH_YOU_HAVE = new RegExp(
  `(?<![\\p{L}])(?:usted\\s+(?:${SPANISH_VERBS})|(?:${SPANISH_VERBS})\\s+usted)(?![\\p{L}])(?:\\s+[^\\s.!?;]+){0,6}?\\s+(?:[$€]\\s?\\d[\\d.,]*|\\d[\\d.,]*\\s?(?:€|EUR|euros?|%|\\$)|(?:${SPANISH_MONEY})(?![\\p{L}]))`,
  'giu',
);

/** "this customer", "the customer's …" (not "the customer service team"), "C-000042 has …", in three languages. */
const ABOUT_THE_CUSTOMER = new RegExp(
  [
    "\\b(?:this|the)\\s+customer(?:'s|’s)?\\b(?!\\s+(?:service|services|support|care|helpline|hotline)\\b)",
    '(?<![\\p{L}])(?:dies(?:er|en|em|es)\\s+Kunden?|dies(?:e|er)\\s+Kundin|der\\s+Kunde|des\\s+Kunden|dem\\s+Kunden|die\\s+Kundin|der\\s+Kundin|Kund(?:e|in)\\s+C-\\d)(?![\\p{L}])',
    '(?<![\\p{L}])(?:est[ea]\\s+client[ea]|(?<!(?:atención|servicio|área|portal|zona|defensor|defensora|oficina|espacio|número)\\s+)(?:el|la|del|al)\\s+client[ea]|client[ea]\\s+C-\\d)(?![\\p{L}])',
    "\\bC-\\d{4,}(?:'s|’s|\\s+(?:has|is|keeps|spends|holds|owes|earns|saves|pays|had|was|hat|ist|hatte|war|spart|besitzt|gibt|verdient|schuldet|zahlt|tiene|es|ha|tenía|gasta|ahorra|debe|gana|paga)(?![\\p{L}]))",
  ].join('|'),
  'giu',
);

/** A third person the reply has named: then "su"/"sus" and a sentence-opening "Ihre" mean "his/her/their". */
const THIRD_PERSON =
  /\bC-\d{3,}\b|(?<![\p{L}])(?:Kund(?:e|en|in)|client[ea]s?|él|ella|ellos|ellas)(?![\p{L}])/iu;
const SECOND_PERSON = /(?<![\p{L}])usted(?![\p{L}])/iu;

/** Text that speaks to an advisor as if the customer's money were theirs. */
export function wrongWordingForAdvisor(reply: string): string[] {
  const found = [...matches(reply, YOUR_MONEY), ...matches(reply, YOU_HAVE_MONEY)];
  const sentences = sentencesOf(reply);
  for (const [index, sentence] of sentences.entries()) {
    // A customer named in this sentence or the one before makes a possessive theirs, not the reader's.
    const named = THIRD_PERSON.test(sentence) || THIRD_PERSON.test(sentences[index - 1] ?? '');
    for (const match of sentence.matchAll(GERMAN_YOUR)) {
      const noun = match[0].split(/\s+/).at(-1) ?? '';
      if (!GERMAN_MONEY.test(noun.toLowerCase())) continue;
      if (match.index === 0 && named) continue;
      found.push(match[0]);
    }
    for (const match of sentence.matchAll(GERMAN_YOU_HAVE)) {
      if (match.index === 0 && named) continue;
      found.push(match[0]);
    }
    const addressed = SECOND_PERSON.test(sentence);
    for (const match of sentence.matchAll(SPANISH_YOUR)) {
      if (named && !addressed) continue;
      found.push(match[0]);
    }
    found.push(...matches(sentence, SPANISH_YOU_HAVE));
  }
  return found;
}

/** Text that speaks about the customer to the customer. */
export function wrongWordingForCustomer(reply: string): string[] {
  return matches(reply, ABOUT_THE_CUSTOMER);
}

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[0]);
}

/** Sentences (a semicolon joins clauses of one), split where a sentence or a list item ends. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}
